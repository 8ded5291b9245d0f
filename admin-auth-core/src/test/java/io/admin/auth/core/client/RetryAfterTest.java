package io.admin.auth.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

  @Test
  void parseWhenSecondsThenThatDuration() {
    assertEquals(Optional.of(Duration.ofSeconds(42)), RetryAfter.parse(Optional.of(" 42 "), NOW));
  }

  @Test
  void parseWhenHttpDateThenDurationUntilIt() {
    assertEquals(Optional.of(Duration.ofSeconds(90)),
        RetryAfter.parse(Optional.of("Sun, 15 Mar 2026 10:01:30 GMT"), NOW));
  }

  @Test
  void parseWhenHttpDateInPastThenZero() {
    assertEquals(Optional.of(Duration.ZERO),
        RetryAfter.parse(Optional.of("Sun, 15 Mar 2026 09:00:00 GMT"), NOW));
  }

  @Test
  void parseWhenHugeNumberThenLongestWait() {
    assertEquals(Optional.of(Duration.ofSeconds(Long.MAX_VALUE)),
        RetryAfter.parse(Optional.of("99999999999999999999999"), NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-5", "1.5", "soon", "15 Mar 2026", "0x10"})
  void parseWhenUnreadableThenEmpty(String header) {
    assertEquals(Optional.empty(), RetryAfter.parse(Optional.of(header), NOW));
  }

  @Test
  void parseWhenAbsentThenEmpty() {
    assertEquals(Optional.empty(), RetryAfter.parse(Optional.empty(), NOW));
  }
}
