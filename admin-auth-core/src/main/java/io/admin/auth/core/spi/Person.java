package io.admin.auth.core.spi;

import java.util.Map;
import java.util.Objects;

/**
 * A person the host application knows, as the authorization server may describe them: the
 * subject and the OpenID Connect standard claims the application chooses to release
 * ({@code name}, {@code preferred_username}, {@code email}, {@code email_verified}, ...). Which of
 * them reach a client depends on the scopes consented ({@code profile}, {@code email}). Immutable.
 *
 * @param subject the stable, unique id of the person ({@code sub}); never reassigned
 * @param claims standard claims (string, boolean or number values); never contains {@code sub}
 */
public record Person(String subject, Map<String, Object> claims) {

  /**
   * Requires a non-blank subject and freezes a copy of the claims.
   *
   * @param subject the stable, unique id of the person; required, not blank
   * @param claims standard claims, never {@code sub}
   */
  public Person {
    Objects.requireNonNull(subject, "subject");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("subject must not be blank");
    }
    claims = Map.copyOf(Objects.requireNonNullElse(claims, Map.of()));
    if (claims.containsKey("sub")) {
      throw new IllegalArgumentException("claims must not contain sub");
    }
  }

  /**
   * A person known only by their subject.
   *
   * @param subject the person's id; not blank
   * @return a person without claims
   */
  public static Person of(String subject) {
    return new Person(subject, Map.of());
  }
}
