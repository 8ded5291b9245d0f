package io.admin.auth.core.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests move by hand. */
public final class MutableTestClock extends Clock {

  private volatile Instant now;

  public MutableTestClock(Instant start) {
    this.now = start;
  }

  public static MutableTestClock at(String isoInstant) {
    return new MutableTestClock(Instant.parse(isoInstant));
  }

  public void advance(Duration d) {
    now = now.plus(d);
  }

  public void set(Instant instant) {
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
