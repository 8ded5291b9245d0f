package io.admin.auth.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The allocation-free {@code t + skew} comparison must agree with Instant arithmetic exactly. */
class TimeRulesTest {

  static Stream<Arguments> cases() {
    Instant t = Instant.parse("2025-03-15T10:00:00.600Z");
    Stream.Builder<Arguments> b = Stream.builder();
    for (Duration skew : new Duration[] {Duration.ZERO, Duration.ofMillis(400),
        Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(30).plusNanos(999_999_999),
        Duration.ofMinutes(5)}) {
      Instant shifted = t.plus(skew);
      for (Instant other : new Instant[] {shifted, shifted.minusNanos(1), shifted.plusNanos(1),
          shifted.minusSeconds(1), shifted.plusSeconds(1), Instant.EPOCH,
          Instant.parse("9999-12-31T23:59:59Z")}) {
        b.add(Arguments.of(t, skew, other));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} + {1} vs {2}")
  @MethodSource("cases")
  void compareShiftedWhenAnyInstantsThenSameSignAsInstantArithmetic(Instant t, Duration skew,
      Instant other) {
    int expected = Integer.signum(t.plus(skew).compareTo(other));

    assertEquals(expected,
        Integer.signum(TimeRules.compareShifted(t, skew.getSeconds(), skew.getNano(), other)));
  }
}
