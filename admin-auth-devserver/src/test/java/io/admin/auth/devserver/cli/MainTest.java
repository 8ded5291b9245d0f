package io.admin.auth.devserver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.testkit.TestKeys;
import io.admin.auth.testkit.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void mintWhenKeyFileSharedThenTokenVerifiesWithTheKeyAndClaimsAsAsked() throws Exception {
    Path keyFile = dir.resolve("key.json");

    assertEquals(0, run("mint", "--key-file", keyFile.toString(), "--sub", "alice",
        "--scope", "users:read", "--scope", "users:write", "--ttl", "PT5M",
        "--claim", "tenant=acme"), err::toString);

    String jwt = stdout();
    TestKeys keys = TestKeys.read(keyFile);
    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        TestTokens.using(keys).verifier().verify(jwt)).principal();
    assertEquals("alice", p.subject());
    assertEquals(Set.of("users:read", "users:write"), p.scopes());
    assertEquals("acme", p.claims().get("tenant"));
    long lifetime = ((Number) p.claims().get("exp")).longValue()
        - ((Number) p.claims().get("iat")).longValue();
    assertEquals(Duration.ofMinutes(5).toSeconds(), lifetime);
    assertEquals(PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(keyFile));
  }

  @Test
  void jwksWhenSameKeyFileThenPublishesTheMintingKid() throws Exception {
    Path keyFile = dir.resolve("key.json");
    assertEquals(0, run("mint", "--key-file", keyFile.toString(), "--alg", "ES256"));
    String kid = TestKeys.read(keyFile).kid();
    out.reset();

    assertEquals(0, run("jwks", "--key-file", keyFile.toString()));

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jwks = (List<Map<String, Object>>)
        Json.parseObject(stdout()).orElseThrow().get("keys");
    assertEquals(1, jwks.size());
    assertEquals(kid, jwks.get(0).get("kid"));
    assertEquals("EC", jwks.get(0).get("kty"));
    assertTrue(!jwks.get(0).containsKey("d"), "no private part");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bogus", "mint --ttl 5m", "mint --sub", "mint --alg HS256",
      "jwks --sub alice", "mint --claim novalue", "mint --claim exp=1", "mint --sub a --sub b"})
  void runWhenUsageWrongThenExitTwoWithMessage(String args) {
    String keyFile = dir.resolve("k.json").toString();
    String[] split = args.isEmpty() ? new String[0] : args.split(" ");
    String[] withKey = split.length == 0 ? split : concat(split, "--key-file", keyFile);

    assertEquals(2, run(withKey));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"), err::toString);
    assertEquals("", stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mint --", "mint stray", "mint --bogus=1", "mint --sub --ttl PT5M",
      "jwks -x", "--sub alice"})
  void runWhenArgumentStrayOrUnknownThenExitTwoWithOneLineErrorAndUsage(String args) {
    String[] withKey = concat(args.split(" "), "--key-file", dir.resolve("k.json").toString());

    assertEquals(2, run(withKey));
    String[] lines = err.toString(StandardCharsets.UTF_8).split("\\R");
    assertTrue(lines[0].startsWith("error: "), err::toString);
    assertTrue(lines[1].startsWith("usage: "), err::toString);
    assertEquals("", stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "mint --help", "jwks -h", "bogus --help"})
  void runWhenHelpThenUsageOnStdoutAndExitZero(String args) {
    assertEquals(0, run(args.split(" ")));

    assertTrue(stdout().startsWith("usage: "), this::stdout);
    assertTrue(stdout().contains("--key-file"), this::stdout);
    assertTrue(stdout().contains("--alg"), this::stdout);
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void runWhenHelpWithoutCommandThenEveryOptionOfEveryCommandListed() {
    assertEquals(0, run("--help"));

    for (String option : List.of("--key-file", "--alg", "--sub", "--client-id", "--scope",
        "--ttl", "--issuer", "--audience", "--claim", "mint", "jwks")) {
      assertTrue(stdout().contains(option), option);
    }
  }

  @Test
  void mintWhenValuesAttachedWithEqualsThenReadAsSeparateValues() throws Exception {
    Path keyFile = dir.resolve("key.json");

    assertEquals(0, run("mint", "--key-file=" + keyFile, "--sub=alice", "--scope=users:read"),
        err::toString);

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        TestTokens.using(TestKeys.read(keyFile)).verifier().verify(stdout())).principal();
    assertEquals("alice", p.subject());
    assertEquals(Set.of("users:read"), p.scopes());
  }

  @Test
  void runWhenKeyFileNotAKeyThenExitOne() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"kid\":\"x\"}");

    assertEquals(1, run("jwks", "--key-file", bad.toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing \"alg\""), err::toString);
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
