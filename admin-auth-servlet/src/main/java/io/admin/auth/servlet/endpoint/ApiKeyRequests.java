package io.admin.auth.servlet.endpoint;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.apikey.IssuedApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON of the API key management endpoints (docs/http-contract.md, "API keys"): reading create and rotate
 * requests strictly, and writing key metadata. Requests are values or an {@link AuthError}, never
 * exceptions.
 */
final class ApiKeyRequests {

  /** Largest {@code grace_period}: 30 days; a longer overlap would defeat rotating at all. */
  static final long MAX_GRACE_PERIOD_SECONDS = 30L * 86_400;
  /** Most scopes one key may carry. */
  static final int MAX_SCOPES = 100;

  private static final Set<String> CREATE_FIELDS = Set.of("name", "scopes", "expires_in");
  private static final Set<String> ROTATE_FIELDS = Set.of("grace_period");

  private ApiKeyRequests() {}

  /** A parsed request or the reason it is refused. */
  sealed interface Parsed<T> {
    record Ok<T>(T value) implements Parsed<T> {}

    record Invalid<T>(AuthError error) implements Parsed<T> {}
  }

  /** A create request; {@code expiresIn} {@code null} means the service's default lifetime. */
  record Create(String name, Set<String> scopes, Duration expiresIn) {}

  /**
   * A create request; {@code expires_in} must lie between 1 second and {@code maxExpiresIn}
   * (the service's configured maximum).
   */
  static Parsed<Create> create(Map<String, Object> json, Duration maxExpiresIn) {
    Parsed<Create> unknown = unknownField(json, CREATE_FIELDS);
    if (unknown != null) {
      return unknown;
    }
    if (!(json.get("name") instanceof String name) || name.isBlank() || name.length() > 200) {
      return invalid("'name' must be a string of 1 to 200 characters.");
    }
    if (!(json.get("scopes") instanceof List<?> list) || list.size() > MAX_SCOPES) {
      return invalid("'scopes' must be an array of at most " + MAX_SCOPES + " strings.");
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (Object s : list) {
      if (!(s instanceof String scope) || scope.isEmpty()) {
        return invalid("'scopes' must be an array of at most " + MAX_SCOPES + " strings.");
      }
      scopes.add(scope);
    }
    Object expires = json.get("expires_in");
    Duration expiresIn = null;
    if (expires != null) {
      long seconds = wholeNumber(expires);
      long max = maxExpiresIn.toSeconds();
      if (seconds < 1 || seconds > max) {
        return invalid("'expires_in' must be a whole number of seconds from 1 to " + max + ".");
      }
      expiresIn = Duration.ofSeconds(seconds);
    }
    return new Parsed.Ok<>(new Create(name.strip(), scopes, expiresIn));
  }

  /** The grace period of a rotate request; an absent body or field is {@code dflt}. */
  static Parsed<Duration> gracePeriod(Map<String, Object> json, Duration dflt) {
    Parsed<Duration> unknown = unknownField(json, ROTATE_FIELDS);
    if (unknown != null) {
      return unknown;
    }
    Object grace = json.get("grace_period");
    if (grace == null) {
      return new Parsed.Ok<>(dflt);
    }
    long seconds = wholeNumber(grace);
    if (seconds < 0 || seconds > MAX_GRACE_PERIOD_SECONDS) {
      return invalid("'grace_period' must be a whole number of seconds from 0 to "
          + MAX_GRACE_PERIOD_SECONDS + ".");
    }
    return new Parsed.Ok<>(Duration.ofSeconds(seconds));
  }

  /** Metadata as listed: no secret, with {@code last_used_at} and {@code revoked_at}. */
  static Map<String, Object> metadata(ApiKey key) {
    Map<String, Object> json = common(key);
    json.put("last_used_at", instant(key.lastUsedAt()));
    json.put("revoked_at", instant(key.revokedAt()));
    return json;
  }

  /** The answer to create and rotate: the create fields, with the full key shown this once. */
  static Map<String, Object> issued(IssuedApiKey issued) {
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> common = common(issued.metadata());
    json.put("id", common.remove("id"));
    json.put("name", common.remove("name"));
    json.put("key", issued.key());
    json.putAll(common);
    return json;
  }

  private static Map<String, Object> common(ApiKey key) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", key.id());
    json.put("name", key.name());
    json.put("prefix", key.prefix());
    json.put("scopes", List.copyOf(key.scopes()));
    json.put("created_at", instant(key.createdAt()));
    json.put("expires_at", instant(key.expiresAt()));
    return json;
  }

  private static String instant(Instant at) {
    return at == null ? null : at.toString();
  }

  /** The value as a whole number, or -1 when it is not one (a fraction, a string, a boolean). */
  private static long wholeNumber(Object value) {
    if (value instanceof Long || value instanceof Integer) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      // A JSON parser may read 86400 or 86400.0 as a double; a whole value is still a count.
      return d.longValue();
    }
    return -1;
  }

  private static <T> Parsed<T> unknownField(Map<String, Object> json, Set<String> known) {
    for (String field : json.keySet()) {
      if (!known.contains(field)) {
        // Refused rather than ignored: a misspelt "expires_in" must not create an eternal key.
        String shown = field.length() > 40 ? field.substring(0, 40) : field;
        return invalid("Unknown field '" + shown.replaceAll("[^A-Za-z0-9_.-]", "?") + "'.");
      }
    }
    return null;
  }

  private static <T> Parsed<T> invalid(String message) {
    return new Parsed.Invalid<>(AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, message));
  }
}
