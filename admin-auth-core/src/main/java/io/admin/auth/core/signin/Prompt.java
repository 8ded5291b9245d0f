package io.admin.auth.core.signin;

import java.util.Optional;

/** The OpenID Connect {@code prompt} values the authorization endpoint understands (OIDC Core 3.1.2.1). */
public enum Prompt {
  /** Show nothing: answer {@code login_required} or {@code consent_required} instead. Alone only. */
  NONE("none"),
  /** Make the person authenticate again, even with a session. */
  LOGIN("login"),
  /** Ask for consent again, even when one is stored (third-party clients). */
  CONSENT("consent");

  private final String wireName;

  Prompt(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The value on the wire, e.g. {@code login}.
   *
   * @return the wire name, lower case
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The prompt whose wire name is exactly {@code value} (case-sensitive), or empty.
   *
   * @param value the value as sent; {@code null} matches nothing
   * @return the prompt, or empty
   */
  public static Optional<Prompt> fromWire(String value) {
    for (Prompt p : values()) {
      if (p.wireName.equals(value)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
