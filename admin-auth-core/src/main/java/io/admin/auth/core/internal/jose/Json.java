package io.admin.auth.core.internal.jose;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Minimal JSON reading and writing for the library's own documents (token responses, error
 * bodies, JWK Sets, metadata), backed by the JSON support that nimbus-jose-jwt already ships, so
 * that no JSON library is added to the dependency tree. Values are the usual Java mapping:
 * {@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map}, {@code null}.
 */
public final class Json {

  /** Inputs above this size are refused before parsing, to bound memory on hostile bodies. */
  public static final int MAX_DOCUMENT_CHARS = 1 << 20;

  private Json() {}

  /**
   * Parses a JSON object. Empty when the text is not a single JSON object, is larger than
   * {@link #MAX_DOCUMENT_CHARS}, has a duplicate member name, or is {@code null}; never throws
   * for bad input.
   */
  public static Optional<Map<String, Object>> parseObject(String text) {
    if (text == null || text.length() > MAX_DOCUMENT_CHARS || !text.strip().startsWith("{")) {
      // The strip check matters: Nimbus's parser maps a top-level "[]" to an empty object.
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSONObjectUtils.parse(text));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes a JSON object. Map values must be of the types listed on this class. */
  public static String write(Map<String, ?> object) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) object;
    return JSONObjectUtils.toJSONString(map);
  }
}
