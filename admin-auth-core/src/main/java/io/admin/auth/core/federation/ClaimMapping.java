package io.admin.auth.core.federation;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a provider puts the subject, the client id and the scopes in its access tokens.
 *
 * <p>A claim path is first looked up as one claim name (so namespaced claims such as
 * {@code https://example.com/roles} work), then as a dotted path into nested objects
 * ({@code realm_access.roles} for Keycloak realm roles). A scope claim may hold a space-separated
 * string (RFC 9068 {@code scope}, Entra's {@code scp}) or an array of strings (Okta's {@code scp},
 * Keycloak roles); the scopes of every listed path are united.
 *
 * <p>The library's own scopes, those starting with {@value #LIBRARY_SCOPE_PREFIX} (API-key
 * management), are dropped from a third party's token unless listed in {@code libraryScopes}:
 * another provider's {@code api-keys:manage} means whatever that provider meant by it, and must
 * not let its users manage this application's API keys unless the configuration says so.
 *
 * @param subjectClaim path of the subject, {@code sub} by default
 * @param clientIdClaims paths tried in order for the client id ({@code client_id}, then {@code azp})
 * @param scopeClaims paths whose values become the principal's scopes ({@code scope} and {@code scp})
 * @param libraryScopes the library's own scopes this issuer's tokens may grant (each starting with
 *     {@value #LIBRARY_SCOPE_PREFIX}); none by default
 */
public record ClaimMapping(String subjectClaim, List<String> clientIdClaims, List<String> scopeClaims,
    Set<String> libraryScopes) {

  /** The prefix of the scopes this library itself acts on (API-key management). */
  public static final String LIBRARY_SCOPE_PREFIX = "api-keys:";

  private static final ClaimMapping DEFAULTS =
      new ClaimMapping("sub", List.of("client_id", "azp"), List.of("scope", "scp"));

  /**
   * Checks every claim path and library scope and freezes copies of the lists.
   *
   * @param subjectClaim the path of the subject; required
   * @param clientIdClaims the paths tried in order for the client id; required, may be empty
   * @param scopeClaims the paths whose values become scopes; required, may be empty
   * @param libraryScopes the library's own scopes this issuer may grant; required, may be empty
   */
  public ClaimMapping {
    subjectClaim = requirePath(subjectClaim, "subjectClaim");
    clientIdClaims = List.copyOf(Objects.requireNonNull(clientIdClaims, "clientIdClaims"));
    scopeClaims = List.copyOf(Objects.requireNonNull(scopeClaims, "scopeClaims"));
    clientIdClaims.forEach(p -> requirePath(p, "clientIdClaims"));
    scopeClaims.forEach(p -> requirePath(p, "scopeClaims"));
    Objects.requireNonNull(libraryScopes, "libraryScopes");
    for (String s : libraryScopes) {
      if (s == null || !s.startsWith(LIBRARY_SCOPE_PREFIX) || s.length() == LIBRARY_SCOPE_PREFIX.length()
          || s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7F)) {
        throw new IllegalArgumentException("libraryScopes: not a scope starting with "
            + LIBRARY_SCOPE_PREFIX + ": '" + s + "'");
      }
    }
    libraryScopes = Collections.unmodifiableSet(new LinkedHashSet<>(libraryScopes));
  }

  /**
   * A mapping that grants none of the library's own scopes.
   *
   * @param subjectClaim the path of the subject; required
   * @param clientIdClaims the paths tried in order for the client id; required, may be empty
   * @param scopeClaims the paths whose values become scopes; required, may be empty
   */
  public ClaimMapping(String subjectClaim, List<String> clientIdClaims, List<String> scopeClaims) {
    this(subjectClaim, clientIdClaims, scopeClaims, Set.of());
  }

  /**
   * {@code sub}; {@code client_id} then {@code azp}; scopes from {@code scope} and {@code scp}.
   *
   * @return the default mapping, granting none of the library's own scopes
   */
  public static ClaimMapping defaults() {
    return DEFAULTS;
  }

  /**
   * The same mapping reading scopes from {@code paths} instead.
   *
   * @param paths the claim paths of the scopes
   * @return a new mapping; this one is unchanged
   */
  public ClaimMapping withScopeClaims(String... paths) {
    return new ClaimMapping(subjectClaim, clientIdClaims, List.of(paths), libraryScopes);
  }

  /**
   * The same mapping letting this issuer's tokens grant {@code scopes}, the library's own scopes
   * (for example {@code api-keys:manage}), when the token carries them.
   *
   * @param scopes library scopes, each starting with {@value #LIBRARY_SCOPE_PREFIX}
   * @return a new mapping; this one is unchanged
   */
  public ClaimMapping withLibraryScopes(String... scopes) {
    return new ClaimMapping(subjectClaim, clientIdClaims, scopeClaims, Set.of(scopes));
  }

  /**
   * The same mapping reading the subject from {@code path} instead.
   *
   * @param path the claim path of the subject
   * @return a new mapping; this one is unchanged
   */
  public ClaimMapping withSubjectClaim(String path) {
    return new ClaimMapping(path, clientIdClaims, scopeClaims, libraryScopes);
  }

  /**
   * The same mapping trying {@code paths}, in order, for the client id instead.
   *
   * @param paths the claim paths of the client id
   * @return a new mapping; this one is unchanged
   */
  public ClaimMapping withClientIdClaims(String... paths) {
    return new ClaimMapping(subjectClaim, List.of(paths), scopeClaims, libraryScopes);
  }

  /** The subject as a non-blank string, or empty when absent or not a string. */
  Optional<String> subject(Map<String, Object> claims) {
    return text(lookup(claims, subjectClaim));
  }

  /** The first client id claim present as a non-blank string. */
  Optional<String> clientId(Map<String, Object> claims) {
    for (String path : clientIdClaims) {
      Optional<String> value = text(lookup(claims, path));
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /**
   * The union of every scope path, without the library's own scopes this mapping does not grant;
   * values of other JSON types are ignored, not fatal.
   */
  Set<String> scopes(Map<String, Object> claims) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String path : scopeClaims) {
      Object value = lookup(claims, path);
      if (value instanceof String s) {
        for (String part : s.trim().split("\\s+")) {
          if (!part.isEmpty()) {
            scopes.add(part);
          }
        }
      } else if (value instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof String s && !s.isBlank()) {
            scopes.add(s.strip());
          }
        }
      }
    }
    scopes.removeIf(s -> s.startsWith(LIBRARY_SCOPE_PREFIX) && !libraryScopes.contains(s));
    return scopes;
  }

  /** Exact claim name first, then a walk through nested objects along the dots. */
  static Object lookup(Map<String, Object> claims, String path) {
    if (claims.containsKey(path)) {
      return claims.get(path);
    }
    Object current = claims;
    for (String segment : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  private static Optional<String> text(Object value) {
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  private static String requirePath(String path, String name) {
    Objects.requireNonNull(path, name);
    if (path.isBlank() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
      throw new IllegalArgumentException(name + ": not a claim path: '" + path + "'");
    }
    return path;
  }
}
