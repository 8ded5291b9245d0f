package io.admin.auth.core.signin;

import java.util.Optional;

/**
 * How the authorization response travels back to the client ({@code response_mode}, OAuth 2.0
 * Multiple Response Type Encoding Practices and Form Post Response Mode).
 */
public enum ResponseMode {
  /** Parameters appended to the redirect URI's query; the default for {@code response_type=code}. */
  QUERY("query"),
  /** Parameters posted to the redirect URI by an auto-submitting HTML form. */
  FORM_POST("form_post");

  private final String wireName;

  ResponseMode(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The name on the wire, e.g. {@code form_post}.
   *
   * @return the wire name, lower case
   */
  public String wireName() {
    return wireName;
  }

  /**
   * The mode whose wire name is exactly {@code value} (case-sensitive), or empty.
   *
   * @param value the value as sent; {@code null} matches nothing
   * @return the mode, or empty
   */
  public static Optional<ResponseMode> fromWire(String value) {
    for (ResponseMode m : values()) {
      if (m.wireName.equals(value)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
