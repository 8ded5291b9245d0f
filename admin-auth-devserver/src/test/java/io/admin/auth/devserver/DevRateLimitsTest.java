package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.config.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The syntax of {@code ADMIN_AUTH_RATE_LIMITS} and the limits it makes. */
class DevRateLimitsTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T10:00:00Z"),
      ZoneOffset.UTC);

  private static int admitted(io.admin.auth.core.ratelimit.RateLimiter limiter, int tries) {
    int n = 0;
    for (int i = 0; i < tries; i++) {
      if (limiter.tryAcquire("client:demo").allowed()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void parseWhenOffThenEveryLimitOff() {
    DevRateLimits limits = DevRateLimits.parse(" OFF ");

    assertTrue(limits.allOff());
    assertEquals("off", limits.describe());
    RateLimits built = limits.toRateLimits(CLOCK);
    assertEquals(10_000, admitted(built.tokenPerClient(), 10_000));
    assertEquals(10_000, admitted(built.tokenPerAddress(), 10_000));
    for (int i = 0; i < 1000; i++) {
      built.clientFailuresPerClient().recordFailure("client:demo");
      built.basicPerUser().recordFailure("user:demo");
      built.basicPerAddress().recordFailure("127.0.0.1");
    }
    assertTrue(built.clientFailuresPerClient().check("client:demo").allowed());
    assertTrue(built.basicPerUser().check("user:demo").allowed());
    assertTrue(built.basicPerAddress().check("127.0.0.1").allowed());
  }

  @ParameterizedTest
  @CsvSource({"3/s,PT1S", "3/min,PT1M", "3/minute,PT1M", "3/h,PT1H", "3/PT10M,PT10M"})
  void parseWhenRateThenBucketOfThatSize(String rate, Duration period) {
    DevRateLimits limits = DevRateLimits.parse("token-per-client=" + rate);

    assertEquals(Map.of(DevRateLimits.Name.TOKEN_PER_CLIENT, new DevRateLimits.Value(3, period)),
        limits.overrides());
    assertEquals(3, admitted(limits.toRateLimits(CLOCK).tokenPerClient(), 10));
  }

  @Test
  void parseWhenSomeNamedThenOthersKeepTheLibraryDefaults() {
    RateLimits built = DevRateLimits.parse("token-per-client=600/min, basic-failures=2")
        .toRateLimits(CLOCK);

    assertEquals(600, admitted(built.tokenPerClient(), 1000));
    assertEquals(300, admitted(built.tokenPerAddress(), 1000), "the library's default");
    built.basicPerUser().recordFailure("user:demo");
    built.basicPerUser().recordFailure("user:demo");
    assertFalse(built.basicPerUser().check("user:demo").allowed());
    assertFalse(built.perPrincipal().isPresent());
  }

  @Test
  void parseWhenPerPrincipalSetThenLimiterPresent() {
    RateLimits built = DevRateLimits.parse("per-principal=5/s").toRateLimits(CLOCK);

    assertEquals(5, admitted(built.perPrincipal().orElseThrow(), 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"token=600/min", "token-per-client", "token-per-client=600",
      "token-per-client=0/min", "token-per-client=5/fortnight", "token-per-client=-1/s",
      "client-failures=5/min", "client-failures=0", "client-failures=many",
      "token-per-client=1/s,token-per-client=2/s", ",", "on"})
  void parseWhenMalformedThenRefusedSayingWhatIsExpected(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DevRateLimits.parse(value));

    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void parseWhenUnknownNameThenMessageListsTheNames() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> DevRateLimits.parse("token=600/min")).getMessage();

    for (String name : List.of("token-per-address", "token-per-client", "per-principal",
        "client-failures", "basic-failures")) {
      assertTrue(message.contains(name), message);
    }
  }

  @Test
  void configWhenSetByVariableOrFlagThenParsedAndFlagWins() {
    ConfigResult byEnv = DevServerConfig.parse(List.of(),
        Map.of("ADMIN_AUTH_RATE_LIMITS", "off"));
    ConfigResult byFlag = DevServerConfig.parse(List.of("--rate-limits=client-failures=3"),
        Map.of("ADMIN_AUTH_RATE_LIMITS", "off"));

    assertTrue(assertInstanceOf(ConfigResult.Valid.class, byEnv).config().rateLimits().allOff());
    assertEquals("client-failures=3",
        assertInstanceOf(ConfigResult.Valid.class, byFlag).config().rateLimits().describe());
    assertEquals("default", assertInstanceOf(ConfigResult.Valid.class,
        DevServerConfig.parse(List.of(), Map.of())).config().rateLimits().describe());
  }

  @Test
  void configWhenMalformedThenInvalidNamingTheVariableOrFlag() {
    ConfigResult.Invalid env = assertInstanceOf(ConfigResult.Invalid.class,
        DevServerConfig.parse(List.of(), Map.of("ADMIN_AUTH_RATE_LIMITS", "fast")));
    ConfigResult.Invalid flag = assertInstanceOf(ConfigResult.Invalid.class,
        DevServerConfig.parse(List.of("--rate-limits", "token-per-client=lots"), Map.of()));

    assertEquals("ADMIN_AUTH_RATE_LIMITS", env.source());
    assertEquals("--rate-limits", flag.source());
    assertTrue(flag.message().contains("600/min"), flag.message());
  }
}
