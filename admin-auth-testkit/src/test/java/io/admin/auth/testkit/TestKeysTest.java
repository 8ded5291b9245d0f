package io.admin.auth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.SigningAlgorithm;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestKeysTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "PS256", "ES256", "EDDSA"})
  void readWhenWrittenThenSameKeyVerifiesTokensOfTheOriginal(SigningAlgorithm alg)
      throws Exception {
    TestKeys original = TestKeys.generate(alg);
    Path file = dir.resolve(alg + ".json");
    original.write(file);

    TestKeys read = TestKeys.read(file);

    assertEquals(original.kid(), read.kid());
    assertEquals(alg, read.algorithm());
    String jwt = TestTokens.using(original).token().sign();
    assertInstanceOf(AuthOutcome.Authenticated.class, TestTokens.using(read).verifier().verify(jwt));
  }

  private static AccessTokenVerifier.KeyResolver productionResolver(TestKeys keys) {
    return keys.resolver();
  }

  @Test
  void generateWhenCalledThenKidIsRecognisablyATestKey() {
    assertEquals(true, TestKeys.generate().kid().startsWith("test-"));
    assertEquals(true, TestKeys.generate(SigningAlgorithm.ES256).kid().startsWith("test-"));
  }

  @Test
  void productionVerifierWhenTokenSignedWithTestKeyThenRefusedWithClearMessage() {
    TestKeys keys = TestKeys.generate();
    String jwt = TestTokens.using(keys).token().sign();
    AccessTokenVerifier production = AccessTokenVerifier.builder()
        .issuer(TestTokens.DEFAULT_ISSUER)
        .keys(productionResolver(keys))
        .revocationStore(new InMemoryRevocationStore())
        .build();

    AuthOutcome.Rejected r = assertInstanceOf(AuthOutcome.Rejected.class, production.verify(jwt));

    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID, r.error().code());
    assertEquals(true, r.error().message().contains("test key"), r.error().message());
  }

  @Test
  void verifierWhenTestKeysAcceptedExplicitlyThenTokenAccepted() {
    TestKeys keys = TestKeys.generate();
    String jwt = TestTokens.using(keys).token().sign();
    AccessTokenVerifier optedIn = AccessTokenVerifier.builder()
        .issuer(TestTokens.DEFAULT_ISSUER)
        .keys(productionResolver(keys))
        .revocationStore(new InMemoryRevocationStore())
        .acceptTestKeys(true)
        .build();

    assertInstanceOf(AuthOutcome.Authenticated.class, optedIn.verify(jwt));
  }

  @Test
  void writeWhenFileExistsThenRefusesToOverwrite() throws Exception {
    Path file = Files.writeString(dir.resolve("k.json"), "keep me");

    assertThrows(FileAlreadyExistsException.class, () -> TestKeys.generate().write(file));
    assertEquals("keep me", Files.readString(file));
  }

  @Test
  void resolverWhenOtherKidThenEmpty() {
    TestKeys keys = TestKeys.generate(SigningAlgorithm.ES256);

    assertEquals(Optional.of(keys.signingKey()), keys.resolver().find(keys.kid()));
    assertEquals(Optional.empty(), keys.resolver().find("other"));
  }

  @Test
  void toStringWhenPrintedThenNoKeyMaterial() {
    TestKeys keys = TestKeys.generate(SigningAlgorithm.ES256);

    assertEquals("TestKeys[kid=" + keys.kid() + ", alg=ES256]", keys.toString());
    assertFalse(keys.jwkSetJson().contains("\"d\""));
  }
}
