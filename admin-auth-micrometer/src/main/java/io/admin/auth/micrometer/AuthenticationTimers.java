package io.admin.auth.micrometer;

import io.admin.auth.core.AuthErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The {@value AdminAuthMetrics#AUTHENTICATIONS} timers, one per method, outcome and error code,
 * each registered on first use and then found again without allocating: a map lookup by the
 * method's constant name, then an array slot by the code's ordinal. Registering every
 * combination up front would publish dozens of meters that stay at zero.
 */
final class AuthenticationTimers {

  private static final AuthErrorCode[] CODES = AuthErrorCode.values();
  // Slot 0: authenticated; 1..n: rejected with CODES[i - 1]; n + 1: unavailable.
  private static final int SLOTS = CODES.length + 2;
  private static final int UNAVAILABLE = SLOTS - 1;

  private final MeterRegistry registry;
  private final Tags common;
  private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> byMethod =
      new ConcurrentHashMap<>();

  AuthenticationTimers(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
  }

  void record(String method, AuthErrorCode error, long nanos) {
    timer(method, error == null ? 0 : error.ordinal() + 1).record(nanos, TimeUnit.NANOSECONDS);
  }

  void recordUnavailable(String method, long nanos) {
    timer(method, UNAVAILABLE).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String method, int slot) {
    AtomicReferenceArray<Timer> row = byMethod.get(method);
    if (row == null) {
      row = byMethod.computeIfAbsent(method, m -> new AtomicReferenceArray<>(SLOTS));
    }
    Timer timer = row.get(slot);
    if (timer == null) {
      // Two threads may both register: the registry answers the same meter to both.
      timer = register(method, slot);
      row.set(slot, timer);
    }
    return timer;
  }

  private Timer register(String method, int slot) {
    String outcome = slot == 0 ? "success" : slot == UNAVAILABLE ? "unavailable" : "rejected";
    String error = slot == 0 || slot == UNAVAILABLE ? "none" : CODES[slot - 1].name();
    return Timer.builder(AdminAuthMetrics.AUTHENTICATIONS)
        .description("Authentications the filter decided, by method, outcome and error code")
        .tags(common)
        .tag("method", TagValues.name(method, "custom"))
        .tag("outcome", outcome)
        .tag("error", error)
        .register(registry);
  }
}
