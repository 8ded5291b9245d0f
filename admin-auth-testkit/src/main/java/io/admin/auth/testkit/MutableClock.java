package io.admin.auth.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it, so that expiry, refresh margins and
 * clock skew can be tested without sleeping or wall-clock assertions.
 *
 * <p>Thread-safe: {@link #advance} and {@link #set} are atomic and immediately visible to every
 * thread reading {@link #instant()}. Clocks derived with {@link #withZone} share the same time.
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A UTC clock showing {@code start} until moved.
   *
   * @param start the instant shown until the clock is moved; not null
   * @return a new clock, independent of every other
   */
  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")),
        ZoneOffset.UTC);
  }

  /**
   * A UTC clock showing {@code 2030-01-01T00:00:00Z}: a fixed, obviously fake default.
   *
   * @return a new clock at 2030-01-01T00:00:00Z
   */
  public static MutableClock fixedDefault() {
    return at(Instant.parse("2030-01-01T00:00:00Z"));
  }

  /**
   * Moves the clock forward (or back, for a negative duration) and returns the new instant.
   *
   * @param by how far to move; not null, may be zero or negative
   * @return the instant the clock shows after the move
   */
  public Instant advance(Duration by) {
    Objects.requireNonNull(by, "by");
    return now.updateAndGet(i -> i.plus(by));
  }

  /**
   * Sets the clock to {@code instant}.
   *
   * @param instant what the clock (and every zone view of it) shows from now on; not null
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** A view in another zone that shares this clock's time (moving one moves both). */
  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, Objects.requireNonNull(zone, "zone"));
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
