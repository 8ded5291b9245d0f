package io.admin.auth.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigReaderTest {

  private static final String P = "app.";

  private static ConfigReader reader(String key, String value) {
    return ConfigReader.of(Map.of(P + key, value), P);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "true|true", "TRUE|true", "True|true", "' true '|true", "false|false", "FALSE|false",
      "fAlSe|false"})
  void boolWhenTrueOrFalseInAnyCaseThenRead(String value, boolean expected) {
    assertEquals(expected, reader("flag", value).bool("flag", !expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "1", "0", "on", "off", "t", "truee", "true false"})
  void boolWhenAnythingElseThenErrorNamingThePropertyAndValue(String value) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> reader("flag", value).bool("flag", false));
    assertEquals("app.flag", e.property());
    assertEquals("app.flag: expected true or false, was '" + value + "'", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void gettersWhenBlankThenDefault(String blank) {
    ConfigReader r = reader("x", blank);
    assertTrue(r.bool("x", true));
    assertEquals(7, r.integer("x", 7));
    assertEquals(Duration.ofSeconds(3), r.duration("x", Duration.ofSeconds(3)));
    assertEquals(List.of(), r.list("x"));
    assertEquals("d", r.string("x", "d"));
    assertEquals(TimeUnit.DAYS, r.enumValue("x", TimeUnit.class, TimeUnit.DAYS));
    assertTrue(r.isSet("x"));
  }

  @Test
  void gettersWhenMissingThenDefault() {
    ConfigReader r = ConfigReader.of(Map.of(), P);
    assertFalse(r.bool("x", false));
    assertEquals(-3, r.integer("x", -3));
    assertEquals(Optional.empty(), r.duration("x"));
    assertEquals(Optional.empty(), r.string("x"));
    assertFalse(r.isSet("x"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PT30S|30", "pt30s|30", "PT5M|300", "PT1H30M|5400", "P1D|86400", "P1DT1S|86401", "PT0S|0",
      "' PT2S '|2", "-PT1S|-1"})
  void durationWhenIso8601ThenRead(String value, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), reader("d", value).duration("d", Duration.ZERO));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30s", "30", "5 minutes", "PT", "P1H", "1h", "PT30S PT1S"})
  void durationWhenNotIso8601ThenErrorSayingWhatIsExpected(String value) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> reader("d", value).duration("d", Duration.ZERO));
    assertEquals("app.d", e.property());
    assertTrue(e.problem().startsWith("expected an ISO-8601 duration"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
  }

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("a", List.of("a")),
        Arguments.of("a,b", List.of("a", "b")),
        Arguments.of(" a , ,b ,, ", List.of("a", "b")),
        Arguments.of("b,a,b", List.of("b", "a", "b")),
        Arguments.of("a b, c", List.of("a b", "c")),
        Arguments.of(",,,", List.of()),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest
  @MethodSource("lists")
  void listWhenCommaSeparatedThenTrimmedWithoutEmpties(String value, List<String> expected) {
    assertEquals(expected, reader("l", value).list("l"));
    assertEquals(expected, ConfigReader.commaSeparated(value));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"10|10", "' 10 '|10", "-1|-1", "0|0", "+5|5"})
  void integerWhenDecimalThenRead(String value, int expected) {
    assertEquals(expected, reader("n", value).integer("n", 99));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "lots|an integer", "1.5|an integer", "2147483648|an integer", "0x10|an integer"})
  void integerWhenNotAnIntThenError(String value, String expected) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> reader("n", value).integer("n", 1));
    assertEquals("expected " + expected + ", was '" + value + "'", e.problem());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "x"})
  void positiveIntWhenNotAtLeastOneThenError(String value) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> reader("n", value).positiveInt("n", 1));
    assertEquals("app.n", e.property());
    assertTrue(e.problem().startsWith("expected a positive integer"), e.problem());
    assertEquals(3, reader("n", "3").positiveInt("n", 1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"SECONDS|SECONDS", "seconds|SECONDS", "Days|DAYS"})
  void enumValueWhenNameInAnyCaseThenRead(String value, TimeUnit expected) {
    assertEquals(expected, reader("u", value).enumValue("u", TimeUnit.class, TimeUnit.HOURS));
  }

  @Test
  void enumValueWhenDashForUnderscoreThenRead() {
    assertEquals(Thread.State.TIMED_WAITING,
        reader("s", "timed-waiting").enumValue("s", Thread.State.class, Thread.State.NEW));
  }

  @Test
  void enumValueWhenUnknownThenErrorListingTheConstants() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> reader("u", "fortnights").enumValue("u", TimeUnit.class, TimeUnit.HOURS));
    assertTrue(e.problem().startsWith("expected one of [NANOSECONDS,"), e.problem());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void requiredStringWhenBlankOrMissingThenErrorNamingTheFullProperty(String blank) {
    ConfigException blankError = assertThrows(ConfigException.class,
        () -> reader("issuer", blank).requiredString("issuer"));
    ConfigException missing = assertThrows(ConfigException.class,
        () -> ConfigReader.of(Map.of(), P).under("token.").requiredString("issuer"));
    assertEquals("app.issuer: is required", blankError.getMessage());
    assertEquals("app.token.issuer", missing.property());
    assertEquals("is required", missing.problem());
  }

  static Stream<Arguments> secretReads() {
    BiConsumer<ConfigReader, String> bool = (r, k) -> r.bool(k, false);
    BiConsumer<ConfigReader, String> integer = (r, k) -> r.integer(k, 0);
    BiConsumer<ConfigReader, String> duration = (r, k) -> r.duration(k, Duration.ZERO);
    BiConsumer<ConfigReader, String> parsed = (r, k) -> r.value(k, "base64", v -> {
      throw new IllegalArgumentException("cannot decode '" + v + "'");
    });
    BiConsumer<ConfigReader, String> checked = (r, k) -> r.check(k, () -> {
      throw new IllegalStateException("refused " + r.string(k).orElseThrow());
    });
    return Stream.of("secret", "client.c1.secret", "token.pepper", "CLIENT_SECRET",
        "user.bob.password-hash", "kek", "store.Kek").flatMap(key -> Stream.of(
            Arguments.of(key, "bool", bool), Arguments.of(key, "integer", integer),
            Arguments.of(key, "duration", duration), Arguments.of(key, "value", parsed),
            Arguments.of(key, "check", checked)));
  }

  @ParameterizedTest(name = "{0} read by {1}")
  @MethodSource("secretReads")
  void readWhenSecretInvalidThenMessageAndCauseNeverContainTheValue(String key, String getter,
      BiConsumer<ConfigReader, String> read) {
    String value = "hunter2-s3cr3t-VALUE";
    ConfigReader r = ConfigReader.of(Map.of(P + key, value), P);

    ConfigException e = assertThrows(ConfigException.class, () -> read.accept(r, key));

    assertEquals(P + key, e.property());
    assertTrue(e.problem().startsWith("invalid value"), e.getMessage());
    assertFalse(e.getMessage().contains(value), e.getMessage());
    assertNull(e.getCause(), "a cause could quote the value");
  }

  @Test
  void readWhenNotSecretThenValueQuotedShortenedAndControlCharactersMasked() {
    String value = "a\nb" + "c".repeat(200);
    ConfigException e = assertThrows(ConfigException.class,
        () -> reader("flag", value).bool("flag", false));
    assertTrue(e.getMessage().contains("'a?bccc"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().length() < 160, e.getMessage());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "app.secret|true", "app.client.a.secret|true", "app.token.pepper|true",
      "app.user.a.password-hash|true", "ADMIN_AUTH_KEK|true", "app.api-keys.PEPPER|true",
      "app.issuer|false", "app.token.audience|false", "app.keycloak.url|false"})
  void isSecretWhenNameHasASecretWordThenTrue(String property, boolean secret) {
    assertEquals(secret, ConfigReader.isSecret(property));
  }

  @Test
  void checkWhenActionRefusesThenErrorWithItsMessageAndCause() {
    IllegalArgumentException cause = new IllegalArgumentException("must be https");
    ConfigException e = assertThrows(ConfigException.class,
        () -> reader("url", "http://x").check("url", () -> {
          throw cause;
        }));
    assertEquals("app.url: must be https", e.getMessage());
    assertEquals(cause, e.getCause());
  }

  @Test
  void checkWhenConfigExceptionThenPassedUnchanged() {
    ConfigException inner = new ConfigException("other.key", "bad");
    assertEquals(inner, assertThrows(ConfigException.class,
        () -> reader("a", "b").check("a", () -> {
          throw inner;
        })));
  }

  @Test
  void namesWhenKeysUnderPrefixThenRelativeSortedAndBlankIncluded() {
    ConfigReader r = ConfigReader.of(
        Map.of("app.b", "1", "app.a.x", " ", "other.c", "2", "app", "3"), P);
    assertEquals(List.of("a.x", "b"), List.copyOf(r.names()));
    assertEquals(Set.of("x"), r.under("a.").names());
    assertEquals("app.a.x", r.under("a.").key("x"));
  }

  @Test
  void ofPropertiesWhenDefaultsThenReadAndLaterChangesNotSeen() {
    Properties defaults = new Properties();
    defaults.setProperty("app.d", "PT1S");
    Properties p = new Properties(defaults);
    p.setProperty("app.flag", "TRUE");
    ConfigReader r = ConfigReader.of(p, P);
    p.setProperty("app.flag", "false");

    assertTrue(r.bool("flag", false));
    assertEquals(Duration.ofSeconds(1), r.duration("d", Duration.ZERO));
  }

  @Test
  void withErrorsWhenProblemThenTheFactorysTypeIsThrown() {
    class FrontEndException extends ConfigException {
      private static final long serialVersionUID = 1L;

      FrontEndException(String property, String problem, Throwable cause) {
        super(property, problem, cause);
      }
    }
    ConfigReader r = reader("flag", "yes").withErrors(FrontEndException::new).under("");

    assertInstanceOf(FrontEndException.class, assertThrows(ConfigException.class,
        () -> r.bool("flag", false)));
    assertInstanceOf(FrontEndException.class, r.error("flag", "bad"));
    assertInstanceOf(FrontEndException.class, assertThrows(ConfigException.class,
        () -> r.requiredString("missing")));
  }

  @Test
  void configExceptionWhenBuiltThenMessageIsPropertyColonProblem() {
    ConfigException e = new ConfigException("a.b", "is wrong");
    assertEquals("a.b: is wrong", e.getMessage());
    assertEquals("is wrong", e.problem());
    assertInstanceOf(IllegalArgumentException.class, e);
  }
}
