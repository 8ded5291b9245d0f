package io.admin.auth.devserver;

import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.ratelimit.RateLimiter;
import io.admin.auth.servlet.config.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev server's request limits and brute-force throttles ({@code ADMIN_AUTH_RATE_LIMITS} /
 * {@code --rate-limits}): the library's defaults ({@link RateLimits}), except the ones named.
 *
 * <p>Syntax: {@code off} (every limit and throttle off, for load tests), or comma-separated
 * {@code name=value} items:
 *
 * <ul>
 *   <li>{@code token-per-address}, {@code token-per-client}, {@code per-principal}: a request rate,
 *       {@code <n>/s}, {@code <n>/min}, {@code <n>/h} or {@code <n>/<ISO-8601 duration>} (a bucket
 *       of n refilled n per period), or {@code off}; defaults 300/min, 60/min and off;
 *   <li>{@code client-failures}: failed client authentications of one client id within 5 minutes
 *       that block it for 5 minutes, {@code <n>} or {@code off} (default 10); {@code off} also
 *       lifts the per-address count (50);
 *   <li>{@code basic-failures}: failed Basic logins of one user within 5 minutes that block it for
 *       5 minutes, {@code <n>} or {@code off} (default 5); {@code off} also lifts the per-address
 *       count (50).
 * </ul>
 *
 * @param overrides the limits set, by name; the others keep the library's default
 */
public record DevRateLimits(Map<Name, Value> overrides) {

  /** The limits that can be set. */
  public enum Name {
    /** Token endpoint requests per remote address. */
    TOKEN_PER_ADDRESS("token-per-address", true),
    /** Token endpoint requests per authenticated client id. */
    TOKEN_PER_CLIENT("token-per-client", true),
    /** Requests per authenticated principal on protected paths. */
    PER_PRINCIPAL("per-principal", true),
    /** Failed client authentications per client id before a block. */
    CLIENT_FAILURES("client-failures", false),
    /** Failed Basic logins per user before a block. */
    BASIC_FAILURES("basic-failures", false);

    private final String key;
    private final boolean rate;

    Name(String key, boolean rate) {
      this.key = key;
      this.rate = rate;
    }

    /** The name as written in the setting, e.g. {@code token-per-client}. */
    public String key() {
      return key;
    }
  }

  /**
   * One limit's value.
   *
   * @param amount requests per period, or failures before a block; 0 means off
   * @param period the refill period of a rate, {@code null} for a failure count or when off
   */
  public record Value(long amount, Duration period) {
    /** The limit switched off. */
    public static final Value OFF = new Value(0, null);

    /** Checks the amount is not negative. */
    public Value {
      if (amount < 0) {
        throw new IllegalArgumentException("amount must not be negative");
      }
    }

    /** Whether the limit is off. */
    public boolean off() {
      return amount == 0;
    }
  }

  private static final long MAX_RATE = 1_000_000_000L;
  private static final int MAX_FAILURES = 1_000_000;
  // The library's failure window and block (docs/http-contract.md, "Throttling", "Basic").
  private static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);
  private static final Pattern RATE = Pattern.compile("(\\d{1,10})/(\\S+)");
  private static final String SYNTAX = "expected off, or comma-separated name=value items:"
      + " token-per-address, token-per-client, per-principal as <n>/s, <n>/min, <n>/h or off;"
      + " client-failures, basic-failures as <n> or off";

  /** Copies the overrides. */
  public DevRateLimits {
    EnumMap<Name, Value> copy = new EnumMap<>(Name.class);
    copy.putAll(Objects.requireNonNull(overrides, "overrides"));
    overrides = Collections.unmodifiableMap(copy);
  }

  /** The library's defaults, nothing overridden. */
  public static DevRateLimits defaults() {
    return new DevRateLimits(Map.of());
  }

  /** Every limit and throttle off. */
  public static DevRateLimits off() {
    Map<Name, Value> all = new EnumMap<>(Name.class);
    for (Name n : Name.values()) {
      all.put(n, Value.OFF);
    }
    return new DevRateLimits(all);
  }

  /**
   * Parses the setting's value (see the class comment).
   *
   * @throws IllegalArgumentException with a message saying what is wrong and what is expected
   */
  public static DevRateLimits parse(String value) {
    String v = value.strip();
    if (v.equalsIgnoreCase("off")) {
      return off();
    }
    Map<Name, Value> out = new EnumMap<>(Name.class);
    for (String part : v.split(",", -1)) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      Name name = eq < 0 ? null : name(item.substring(0, eq).strip());
      if (name == null) {
        throw new IllegalArgumentException("\"" + item + "\" names no limit; " + SYNTAX);
      }
      if (out.put(name, value(name, item.substring(eq + 1).strip(), item)) != null) {
        throw new IllegalArgumentException(name.key() + " is given more than once");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no limit given; " + SYNTAX);
    }
    return new DevRateLimits(out);
  }

  /** Whether every limit and throttle is off. */
  public boolean allOff() {
    return overrides.size() == Name.values().length
        && overrides.values().stream().allMatch(Value::off);
  }

  /** The library's defaults with the overrides applied, on {@code clock}. */
  public RateLimits toRateLimits(Clock clock) {
    RateLimits.Builder b = RateLimits.builder(clock);
    overrides.forEach((name, value) -> {
      switch (name) {
        case TOKEN_PER_ADDRESS -> b.tokenPerAddress(limiter(value, clock));
        case TOKEN_PER_CLIENT -> b.tokenPerClient(limiter(value, clock));
        case PER_PRINCIPAL -> {
          // Off is the library's default: no limiter at all.
          if (!value.off()) {
            b.perPrincipal(limiter(value, clock));
          }
        }
        case CLIENT_FAILURES -> {
          b.clientFailuresPerClient(throttle(value, clock));
          if (value.off()) {
            b.clientFailuresPerAddress(throttle(Value.OFF, clock));
          }
        }
        case BASIC_FAILURES -> {
          b.basicPerUser(throttle(value, clock));
          if (value.off()) {
            b.basicPerAddress(throttle(Value.OFF, clock));
          }
        }
      }
    });
    return b.build();
  }

  /** As the setting would be written: {@code default}, {@code off} or the items. */
  public String describe() {
    if (overrides.isEmpty()) {
      return "default";
    }
    if (allOff()) {
      return "off";
    }
    StringJoiner j = new StringJoiner(",");
    overrides.forEach((name, value) -> j.add(name.key() + "=" + (value.off() ? "off"
        : value.amount() + (value.period() == null ? "" : "/" + value.period()))));
    return j.toString();
  }

  private static Name name(String key) {
    for (Name n : Name.values()) {
      if (n.key.equals(key.toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    return null;
  }

  private static Value value(Name name, String v, String item) {
    if (v.equalsIgnoreCase("off")) {
      return Value.OFF;
    }
    if (!name.rate) {
      if (!v.matches("\\d{1,7}") || Long.parseLong(v) < 1 || Long.parseLong(v) > MAX_FAILURES) {
        throw new IllegalArgumentException("\"" + item + "\": " + name.key()
            + " takes a number of failures from 1 to " + MAX_FAILURES + ", or off");
      }
      return new Value(Long.parseLong(v), null);
    }
    Matcher m = RATE.matcher(v);
    Duration period = m.matches() ? period(m.group(2)) : null;
    long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (period == null || n < 1 || n > MAX_RATE) {
      throw new IllegalArgumentException("\"" + item + "\": " + name.key() + " takes a rate"
          + " such as 600/min (<n>/s, <n>/min, <n>/h or <n>/<ISO-8601 duration>, n from 1 to "
          + MAX_RATE + "), or off");
    }
    return new Value(n, period);
  }

  private static Duration period(String unit) {
    switch (unit.toLowerCase(Locale.ROOT)) {
      case "s", "sec", "second" -> {
        return Duration.ofSeconds(1);
      }
      case "min", "minute" -> {
        return Duration.ofMinutes(1);
      }
      case "h", "hour" -> {
        return Duration.ofHours(1);
      }
      default -> {
        try {
          Duration d = Duration.parse(unit);
          return d.isNegative() || d.isZero() ? null : d;
        } catch (DateTimeParseException e) {
          return null;
        }
      }
    }
  }

  private static RateLimiter limiter(Value value, Clock clock) {
    return value.off() ? RateLimits.unlimited()
        : RateLimits.bucket(value.amount(), value.period(), clock);
  }

  /** A failure throttle blocking after {@code value} failures; off never blocks. */
  private static FailureThrottle throttle(Value value, Clock clock) {
    int max = value.off() ? Integer.MAX_VALUE : (int) value.amount();
    return FailureThrottle.builder().maxFailures(max).window(FAILURE_WINDOW)
        .blockDuration(FAILURE_WINDOW).clock(clock).build();
  }
}
