package io.admin.auth.core.validation;

import io.admin.auth.core.ClaimNames;
import java.util.Map;
import java.util.Objects;

/**
 * A read-only view of a JWS header (RFC 7515 section 4) for {@link TokenValidator}s, independent
 * of any JOSE library. A verifier provides it from the header it has parsed.
 */
public interface JwtHeader {

  /**
   * Whether the header has a member {@code name} (whatever its value, {@code null} included).
   *
   * @param name the member name
   * @return {@code true} when the member exists
   */
  boolean contains(String name);

  /**
   * The JSON value of member {@code name}, or {@code null} when absent or JSON {@code null}.
   *
   * @param name the member name
   * @return a string, number, boolean, list or map, or {@code null}
   */
  Object parameter(String name);

  /**
   * {@code alg} when it is a string, else {@code null}.
   *
   * @return the algorithm name, or {@code null} when absent or not a string
   */
  default String algorithm() {
    return parameter(ClaimNames.HEADER_ALG) instanceof String s ? s : null;
  }

  /**
   * {@code typ} when it is a string, else {@code null}.
   *
   * @return the media type, or {@code null} when absent or not a string
   */
  default String type() {
    return parameter(ClaimNames.HEADER_TYP) instanceof String s ? s : null;
  }

  /**
   * {@code kid} when it is a string, else {@code null}.
   *
   * @return the key id, or {@code null} when absent or not a string
   */
  default String keyId() {
    return parameter(ClaimNames.HEADER_KID) instanceof String s ? s : null;
  }

  /**
   * A view of a parsed header JSON object; the map is read, never copied or changed.
   *
   * @param json the parsed header
   * @return a view of {@code json}, not a copy
   */
  static JwtHeader of(Map<String, ?> json) {
    return new MapHeader(Objects.requireNonNull(json, "json"));
  }
}
