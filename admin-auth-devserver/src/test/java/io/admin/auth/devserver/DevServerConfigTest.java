package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DevServerConfigTest {

  private static DevServerConfig valid(List<String> args, Map<String, String> env) {
    ConfigResult r = DevServerConfig.parse(args, env);
    return assertInstanceOf(ConfigResult.Valid.class, r, () -> r.toString()).config();
  }

  private static ConfigResult.Invalid invalid(List<String> args, Map<String, String> env) {
    ConfigResult r = DevServerConfig.parse(args, env);
    return assertInstanceOf(ConfigResult.Invalid.class, r, () -> r.toString());
  }

  @Test
  void parseWhenNothingGivenThenContractDefaults() {
    DevServerConfig c = valid(List.of(), Map.of());

    assertEquals(8080, c.port());
    assertEquals("http://localhost:8080", c.issuerFor(8080));
    assertEquals("http://localhost:8080", c.audienceFor(8080));
    assertEquals(new StoreChoice.EmbeddedFile(Path.of("data")), c.store());
    assertEquals("demo-client", c.demoClientId());
    assertEquals(Optional.empty(), c.demoClientSecret());
    assertEquals("demo", c.demoUser());
    assertEquals(Optional.empty(), c.demoPassword());
    assertEquals(List.of(), c.trustedIssuers());
    assertEquals(Optional.empty(), c.signingAlgorithm());
    assertEquals(Duration.ofHours(1), c.accessTokenTtl());
    assertEquals(Duration.ofDays(30), c.refreshTokenTtl());
  }

  @Test
  void parseWhenDataDirGivenThenEmbeddedStoreLivesThereAndFlagWinsOverVariable() {
    DevServerConfig byEnv = valid(List.of(), Map.of("ADMIN_AUTH_DATA_DIR", "/var/lib/auth"));
    DevServerConfig byFlag = valid(List.of("--data-dir", "/srv/auth"),
        Map.of("ADMIN_AUTH_DATA_DIR", "/var/lib/auth"));

    assertEquals(Path.of("/var/lib/auth"), byEnv.dataDir());
    assertEquals(new StoreChoice.EmbeddedFile(Path.of("/var/lib/auth")), byEnv.store());
    assertEquals(Path.of("/srv/auth"), byFlag.dataDir());
    assertEquals(new StoreChoice.EmbeddedFile(Path.of("/srv/auth")), byFlag.store());
    assertEquals(Path.of("data"), valid(List.of(), Map.of()).dataDir());
  }

  @Test
  void parseWhenDataDirNotAPathThenInvalidNamingTheSetting() {
    ConfigResult.Invalid bad = invalid(List.of("--data-dir", "a\u0000b"),
        Map.of());

    assertTrue(bad.describe().contains("--data-dir"), bad::describe);
  }

  @Test
  void parseWhenEveryVariableSetThenEachIsRead() {
    Map<String, String> env = Map.ofEntries(
        Map.entry("ADMIN_AUTH_PORT", "9090"),
        Map.entry("ADMIN_AUTH_ISSUER", "https://auth.example.com"),
        Map.entry("ADMIN_AUTH_AUDIENCE", "https://api.example.com"),
        Map.entry("ADMIN_AUTH_STORE", "jdbc:postgresql://db:5432/auth"),
        Map.entry("ADMIN_AUTH_DEMO_CLIENT_ID", "ci"),
        Map.entry("ADMIN_AUTH_DEMO_CLIENT_SECRET", "0123456789abcdef"),
        Map.entry("ADMIN_AUTH_DEMO_USER", "alice"),
        Map.entry("ADMIN_AUTH_DEMO_PASSWORD", "pa:ss word 12"),
        Map.entry("ADMIN_AUTH_TRUSTED_ISSUERS", "https://a.example.com, http://127.0.0.1:9000,,"),
        Map.entry("ADMIN_AUTH_SIGNING_ALG", "EdDSA"),
        Map.entry("ADMIN_AUTH_ACCESS_TTL", "PT15M"),
        Map.entry("ADMIN_AUTH_REFRESH_TTL", "P7D"));

    DevServerConfig c = valid(List.of(), env);

    assertEquals(9090, c.port());
    assertEquals("https://auth.example.com", c.issuerFor(9090));
    assertEquals("https://api.example.com", c.audienceFor(9090));
    assertEquals(new StoreChoice.Jdbc("jdbc:postgresql://db:5432/auth"), c.store());
    assertEquals("ci", c.demoClientId());
    assertEquals(Optional.of("0123456789abcdef"), c.demoClientSecret());
    assertEquals("alice", c.demoUser());
    assertEquals(Optional.of("pa:ss word 12"), c.demoPassword());
    assertEquals(List.of(URI.create("https://a.example.com"), URI.create("http://127.0.0.1:9000")),
        c.trustedIssuers());
    assertEquals(Optional.of("EdDSA"), c.signingAlgorithm());
    assertEquals(Duration.ofMinutes(15), c.accessTokenTtl());
    assertEquals(Duration.ofDays(7), c.refreshTokenTtl());
  }

  @Test
  void parseWhenFlagAndVariableBothSetThenFlagWins() {
    DevServerConfig c = valid(List.of("--port", "7000", "--store=memory"),
        Map.of("ADMIN_AUTH_PORT", "9090", "ADMIN_AUTH_STORE", "jdbc:h2:mem:x"));

    assertEquals(7000, c.port());
    assertEquals(new StoreChoice.Memory(), c.store());
  }

  @Test
  void parseWhenEveryFlagGivenThenEachIsRead() {
    DevServerConfig c = valid(List.of("--port", "0", "--issuer", "http://localhost:1234",
        "--audience", "aud-1", "--store", "memory", "--demo-client-id", "cli",
        "--demo-client-secret", "sixteen-chars-ok", "--demo-user", "bob",
        "--demo-password", "pw-of-12-chars",
        "--trusted-issuers", "https://idp.example.com", "--signing-alg", "ES256",
        "--access-ttl", "PT5M", "--refresh-ttl", "PT2H"), Map.of());

    assertEquals(0, c.port());
    assertEquals("http://localhost:1234", c.issuerFor(0));
    assertEquals("aud-1", c.audienceFor(0));
    assertEquals("cli", c.demoClientId());
    assertEquals(Optional.of("sixteen-chars-ok"), c.demoClientSecret());
    assertEquals("bob", c.demoUser());
    assertEquals(Optional.of("pw-of-12-chars"), c.demoPassword());
    assertEquals(List.of(URI.create("https://idp.example.com")), c.trustedIssuers());
    assertEquals(Optional.of("ES256"), c.signingAlgorithm());
    assertEquals(Duration.ofMinutes(5), c.accessTokenTtl());
    assertEquals(Duration.ofHours(2), c.refreshTokenTtl());
  }

  @Test
  void parseWhenPortZeroThenIssuerFollowsTheBoundPort() {
    DevServerConfig c = valid(List.of("--port", "0"), Map.of());

    assertEquals("http://localhost:43127", c.issuerFor(43127));
    assertEquals("http://localhost:43127", c.audienceFor(43127));
  }

  @Test
  void parseWhenVariableEmptyThenTreatedAsUnset() {
    DevServerConfig c = valid(List.of(), Map.of("ADMIN_AUTH_PORT", "", "ADMIN_AUTH_STORE", ""));

    assertEquals(8080, c.port());
    assertInstanceOf(StoreChoice.EmbeddedFile.class, c.store());
  }

  @Test
  void parseWhenHelpThenHelpRequested() {
    assertInstanceOf(ConfigResult.HelpRequested.class,
        DevServerConfig.parse(List.of("--port", "1", "--help"), Map.of()));
    assertTrue(DevServerConfig.usage().contains("ADMIN_AUTH_REFRESH_TTL"));
    assertTrue(DevServerConfig.usage().contains("--trusted-issuers"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "ADMIN_AUTH_PORT|abc|\"abc\" is not a port (0 to 65535)",
      "ADMIN_AUTH_PORT|65536|\"65536\" is not a port (0 to 65535)",
      "ADMIN_AUTH_PORT|-1|\"-1\" is not a port (0 to 65535)",
      "ADMIN_AUTH_ISSUER|localhost:8080|\"localhost:8080\" is not an absolute http(s) URL",
      "ADMIN_AUTH_ISSUER|ftp://x.example|\"ftp://x.example\" is not an absolute http(s) URL",
      "ADMIN_AUTH_ISSUER|https://a.example/?x=1|\"https://a.example/?x=1\": an issuer has no query or fragment (RFC 8414 section 2)",
      "ADMIN_AUTH_AUDIENCE|a b|\"a b\" must be one value without spaces",
      "ADMIN_AUTH_STORE|postgres://db|must be \"memory\" or a JDBC URL (jdbc:...); leave it unset for the embedded file store",
      "ADMIN_AUTH_STORE|jdbc:|must be \"memory\" or a JDBC URL (jdbc:...); leave it unset for the embedded file store",
      "ADMIN_AUTH_DEMO_CLIENT_ID|a b|\"a b\" must be 1 to 255 visible ASCII characters",
      "ADMIN_AUTH_DEMO_CLIENT_SECRET|short|must have at least 16 characters (value not shown)",
      "ADMIN_AUTH_DEMO_USER|a:b|\"a:b\" must not contain spaces, control characters or ':'",
      "ADMIN_AUTH_TRUSTED_ISSUERS|https://ok.example,http://idp.example.com|\"http://idp.example.com\": plain http is allowed for loopback issuers only",
      "ADMIN_AUTH_TRUSTED_ISSUERS|not a url|\"not a url\" is not an absolute http(s) URL",
      "ADMIN_AUTH_SIGNING_ALG|HS256|\"HS256\" is not one of RS256, PS256, ES256, EdDSA",
      "ADMIN_AUTH_SIGNING_ALG|none|\"none\" is not one of RS256, PS256, ES256, EdDSA",
      "ADMIN_AUTH_ACCESS_TTL|1h|\"1h\" is not an ISO-8601 duration such as PT15M or P30D",
      "ADMIN_AUTH_ACCESS_TTL|PT2H|\"PT2H\" is longer than PT1H (the longest access-token lifetime the library allows)",
      "ADMIN_AUTH_ACCESS_TTL|PT0S|\"PT0S\" must be positive",
      "ADMIN_AUTH_REFRESH_TTL|P1M|\"P1M\" is not an ISO-8601 duration such as PT15M or P30D",
      "ADMIN_AUTH_REFRESH_TTL|-PT1H|\"-PT1H\" must be positive",
  })
  void parseWhenVariableMalformedThenInvalidNamingTheVariable(String variable, String value,
      String message) {
    ConfigResult.Invalid r = invalid(List.of(), Map.of(variable, value));

    assertEquals(variable, r.source());
    assertEquals(message, r.message());
    assertEquals("invalid " + variable + ": " + message, r.describe());
  }

  @Test
  void parseWhenFlagMalformedThenInvalidNamingTheFlag() {
    ConfigResult.Invalid r = invalid(List.of("--access-ttl=PT3H"), Map.of());

    assertEquals("--access-ttl", r.source());
  }

  @Test
  void parseWhenHostUnsetThenLoopbackOnly() {
    assertEquals("127.0.0.1", valid(List.of(), Map.of()).host());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0.0.0.0, 0.0.0.0", "::, ::", "[::1], ::1", "' 192.0.2.7 ', 192.0.2.7",
      "auth.internal, auth.internal"})
  void parseWhenHostGivenThenUsedAndFlagWinsOverVariable(String given, String expected) {
    assertEquals(expected, valid(List.of(), Map.of("ADMIN_AUTH_HOST", given)).host());
    assertEquals(expected,
        valid(List.of("--host", given), Map.of("ADMIN_AUTH_HOST", "10.0.0.1")).host());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", "host/path", "http://x", "[]", "a_b"})
  void parseWhenHostMalformedThenInvalidNamingTheSetting(String host) {
    ConfigResult.Invalid r = invalid(List.of(), Map.of("ADMIN_AUTH_HOST", host));

    assertEquals("ADMIN_AUTH_HOST", r.source());
    assertTrue(r.message().contains("is not an IP address or host name"), r::message);
  }

  @ParameterizedTest(name = "given as {0}")
  @ValueSource(strings = {"ADMIN_AUTH_DEMO_PASSWORD", "--demo-password"})
  void parseWhenDemoPasswordShorterThan12ThenInvalidNamingTheSettingWithoutEchoingIt(
      String source) {
    String elevenChars = "qwertyuiopa";
    ConfigResult.Invalid r = source.startsWith("--")
        ? invalid(List.of(source, elevenChars), Map.of())
        : invalid(List.of(), Map.of(source, elevenChars));

    assertEquals(source, r.source());
    assertEquals("must have at least 12 characters (value not shown)", r.message());
    assertFalse(r.describe().contains(elevenChars), r::describe);
  }

  @Test
  void parseWhenDemoPasswordHas12CharactersThenAccepted() {
    assertEquals(Optional.of("abcdefghijkl"),
        valid(List.of(), Map.of("ADMIN_AUTH_DEMO_PASSWORD", "abcdefghijkl")).demoPassword());
  }

  @Test
  void parseWhenSecretTooShortThenMessageDoesNotEchoIt() {
    ConfigResult.Invalid r = invalid(List.of("--demo-client-secret", "hunter2"), Map.of());

    assertEquals("--demo-client-secret", r.source());
    assertFalse(r.describe().contains("hunter2"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--bogus 1|--bogus|unknown flag (see --help)",
      "--port|--port|needs a value",
      "--port --store memory|--port|needs a value",
      "--port=|--port|needs a value",
      "--port 1 --port 2|--port|given more than once",
      "stray|argument|unexpected argument \"stray\" (see --help)",
  })
  void parseWhenArgumentsMalformedThenInvalid(String args, String source, String message) {
    ConfigResult.Invalid r = invalid(List.of(args.split(" ")), Map.of());

    assertEquals(source, r.source());
    assertEquals(message, r.message());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--|--|unknown flag (see --help)",
      "--bogus=3|--bogus|unknown flag (see --help)",
      "-hx|-hx|unknown flag (see --help)",
      "@args.txt|argument|unexpected argument \"@args.txt\" (see --help)",
      "--audience --x|--audience|needs a value",
      "stray --port 1 --port 2|argument|unexpected argument \"stray\" (see --help)",
      "--port= --bogus|--port|needs a value",
  })
  void parseWhenFlagSyntaxUnusualThenFirstProblemInArgumentOrder(String args, String source,
      String message) {
    ConfigResult.Invalid r = invalid(List.of(args.split(" ")), Map.of());

    assertEquals(source, r.source());
    assertEquals(message, r.message());
  }

  @Test
  void parseWhenValueAttachedThenItMayStartWithDashes() {
    DevServerConfig c =
        valid(List.of("--demo-password=--pw-of-12-chars", "--audience", "-aud"), Map.of());

    assertEquals(Optional.of("--pw-of-12-chars"), c.demoPassword());
    assertEquals("-aud", c.audienceFor(0));
  }

  @Test
  void usageWhenPrintedThenListsEveryFlagWithItsVariableAndHelp() {
    String usage = DevServerConfig.usage();

    assertTrue(usage.startsWith("usage: dev-server.sh [--no-build] [flags]"), usage);
    for (DevServerSetting s : DevServerSetting.values()) {
      assertTrue(usage.contains(s.flag() + "=<value>"), s.flag());
      assertTrue(usage.contains("env " + s.env()), s.env());
    }
    assertTrue(usage.contains("--help"), usage);
    assertTrue(usage.contains("ADMIN_AUTH_KEK"), usage);
  }

  @Test
  void parseWhenSeveralSettingsBadThenFirstInTableOrderReported() {
    ConfigResult.Invalid r = invalid(List.of("--refresh-ttl", "x"),
        Map.of("ADMIN_AUTH_PORT", "x"));

    assertEquals("ADMIN_AUTH_PORT", r.source());
  }

  @Test
  void toStringWhenSecretsGivenThenMasksThemAndJdbcCredentials() {
    DevServerConfig c = valid(List.of("--demo-client-secret", "very-secret-value-1",
        "--demo-password", "pw-secret-12345",
        "--store", "jdbc:postgresql://u:dbpass@db/auth?password=p2"),
        Map.of());

    String s = c.toString();
    assertFalse(s.contains("very-secret-value-1"), s);
    assertFalse(s.contains("pw-secret-12345"), s);
    assertFalse(s.contains("dbpass"), s);
    assertFalse(s.contains("p2"), s);
    assertTrue(s.contains("jdbc:postgresql://***@db/auth"), s);
  }
}
