package io.admin.auth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

  @Test
  void advanceWhenCalledThenInstantMovesByExactlyThatMuch() {
    MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));

    assertEquals(Instant.parse("2030-01-01T00:05:00Z"), clock.advance(Duration.ofMinutes(5)));
    assertEquals(Instant.parse("2030-01-01T00:05:00Z"), clock.instant());
    clock.set(Instant.parse("2031-01-01T00:00:00Z"));
    assertEquals(Instant.parse("2031-01-01T00:00:00Z"), clock.instant());
  }

  @Test
  void withZoneWhenOriginalMovesThenDerivedClockMovesToo() {
    MutableClock clock = MutableClock.fixedDefault();
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofSeconds(42));

    assertEquals(clock.instant(), paris.instant());
    assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
  }
}
