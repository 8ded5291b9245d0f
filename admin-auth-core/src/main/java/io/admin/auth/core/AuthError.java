package io.admin.auth.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rejected credential or request, as a value: the contract code, a human-readable message that
 * is safe to show to the caller, and structured details.
 *
 * <p>The message must never contain a secret, a whole token, a password hash, or anything that
 * tells an unknown client or user apart from a wrong secret. Detail values are strings, numbers,
 * booleans or lists of those, so that any renderer can write them as JSON.
 *
 * @param code the contract code; decides HTTP status and {@code error}
 * @param message text for {@code message} and {@code error_description}
 * @param details extra fields for the {@code details} object (copied, insertion order kept)
 */
public record AuthError(AuthErrorCode code, String message, Map<String, Object> details) {

  /**
   * Checks that code and message are present and freezes a copy of the details (empty when null).
   *
   * @param code the contract's error code; required
   * @param message the human-readable text of the JSON body; required, never a secret
   * @param details extra members of the JSON body; {@code null} means none
   */
  public AuthError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    details = details == null || details.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /**
   * An error without details.
   *
   * @param code the contract's error code; required
   * @param message the human-readable text of the JSON body; required, never a secret
   * @return an error with empty details
   */
  public static AuthError of(AuthErrorCode code, String message) {
    return new AuthError(code, message, Map.of());
  }

  /**
   * The same error with one more detail entry.
   *
   * @param key the member name in the JSON body
   * @param value the member value, rendered as JSON
   * @return a new error; this one is unchanged
   */
  public AuthError withDetail(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(details);
    copy.put(key, value);
    return new AuthError(code, message, copy);
  }
}
