package io.admin.auth.testkit.junit;

import io.admin.auth.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system properties {@link AdminAuthExtension} sets for the application under test, and
 * their removal: the previous values are put back, so that a test class leaves the JVM as it
 * found it. System properties are global: test classes that use this must not run concurrently in
 * one JVM.
 */
final class TestApplicationProperties implements AutoCloseable {

  private final Map<String, String> previous = new LinkedHashMap<>();
  private final Path jwksFile;

  private TestApplicationProperties(Path jwksFile) {
    this.jwksFile = jwksFile;
  }

  /** Writes the keys' JWK Set to a temporary file and sets every property. */
  static TestApplicationProperties export(TestTokens tokens) {
    Path file;
    try {
      file = Files.createTempFile("admin-auth-test-jwks", ".json");
      Files.writeString(file, tokens.keys().jwkSetJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the test JWK Set", e);
    }
    TestApplicationProperties p = new TestApplicationProperties(file);
    p.set(AdminAuthExtension.ISSUER_PROPERTY, tokens.issuer());
    p.set(AdminAuthExtension.AUDIENCE_PROPERTY, tokens.audience());
    p.set(AdminAuthExtension.JWKS_FILE_PROPERTY, file.toString());
    p.set(AdminAuthExtension.ACCEPT_TEST_KEYS_PROPERTY, "true");
    return p;
  }

  private void set(String name, String value) {
    previous.put(name, System.setProperty(name, value));
  }

  @Override
  public void close() {
    previous.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
    try {
      Files.deleteIfExists(jwksFile);
    } catch (IOException e) {
      // A temporary file left behind harms nothing; the test's outcome is what matters.
    }
  }
}
