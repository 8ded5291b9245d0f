package io.admin.auth.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The argument checks {@link TestToken} and {@link TestIdToken} share, with the same messages. */
final class TokenArguments {

  private TokenArguments() {}

  /** {@code v} itself; refused when null or blank. */
  static String requireText(String v, String name) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return v;
  }

  /** The audiences as an immutable list; refused when there is none or one is blank. */
  static List<String> audiences(String... audience) {
    if (audience.length == 0) {
      throw new IllegalArgumentException("at least one audience");
    }
    for (String a : audience) {
      requireText(a, "audience");
    }
    return List.of(audience);
  }

  /** {@code lifetime} itself; refused when null, zero or negative. */
  static Duration positiveLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    return lifetime;
  }
}
