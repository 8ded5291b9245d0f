package io.admin.auth.core;

/** How a caller authenticated; {@link #wireName()} is what {@code /api/v3/me} echoes as {@code auth_method}. */
public enum AuthMethod {
  /** A bearer token ({@code Authorization: Bearer}), ours or a trusted issuer's. */
  BEARER("bearer"),
  /** An API key. */
  API_KEY("api_key"),
  /** HTTP Basic, a user name and password. */
  BASIC("basic");

  private final String wireName;

  AuthMethod(String wireName) {
    this.wireName = wireName;
  }

  /**
   * The lower-case name used on the wire and in logs.
   *
   * @return the wire name, e.g. {@code bearer}
   */
  public String wireName() {
    return wireName;
  }
}
