package io.admin.auth.core;

/** How a caller authenticated; {@link #wireName()} is what {@code /api/v3/me} echoes as {@code auth_method}. */
public enum AuthMethod {
  BEARER("bearer"),
  API_KEY("api_key"),
  BASIC("basic");

  private final String wireName;

  AuthMethod(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used on the wire and in logs. */
  public String wireName() {
    return wireName;
  }
}
