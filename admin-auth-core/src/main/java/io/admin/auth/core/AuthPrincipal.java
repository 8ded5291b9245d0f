package io.admin.auth.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated caller. Immutable, claims included: nested JSON objects and arrays are copied
 * once, when the principal is built, into unmodifiable maps and lists, so a principal shared by
 * many requests (a verified-token cache hit answers with the same object) cannot be changed by
 * one of them.
 *
 * <p>Identity: {@link #subject()} is what the credential says ({@code sub}, API key owner, Basic
 * user name); {@link #identity()} is who the caller is for this library, and is what ownership
 * and per-caller state compare. For this library's own credentials it is the subject. For a token
 * of a trusted third-party issuer ({@link #thirdParty()}) it is {@code <issuer> <sub>}, the issuer
 * and the subject joined by one space, so {@code alice} of a partner is never the local {@code
 * alice}. That form cannot collide with a local subject: local client ids are visible ASCII
 * without spaces, Basic user names contain no {@code :} while an issuer URL always does, and an
 * issuer URL contains no space, so the first space separates the two parts unambiguously.
 *
 * @param subject who the credential names ({@code sub}, API key owner, or Basic user name)
 * @param clientId the OAuth client the credential was issued to, or {@code null} when there is none
 *     (Basic users)
 * @param scopes granted scopes (sorted, unmodifiable)
 * @param issuer the token issuer, or {@code null} for credentials that are not tokens
 * @param expiresAt when the credential stops being valid, or {@code null} if it does not expire
 * @param method how the caller authenticated
 * @param claims the remaining verified claims or attributes (deeply unmodifiable; may be empty)
 * @param thirdParty whether a trusted third-party issuer vouched for the caller (then {@code
 *     issuer} is required)
 */
public record AuthPrincipal(
    String subject,
    String clientId,
    Set<String> scopes,
    String issuer,
    Instant expiresAt,
    AuthMethod method,
    Map<String, Object> claims,
    boolean thirdParty) {

  /** Joins issuer and subject in the {@link #identity()} of a third-party caller. */
  public static final String IDENTITY_SEPARATOR = " ";

  /**
   * Requires subject and method, an issuer for a third-party caller, and freezes sorted copies of
   * scopes and claims.
   */
  public AuthPrincipal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(method, "method");
    if (thirdParty && (issuer == null || issuer.isEmpty())) {
      throw new IllegalArgumentException("a third-party principal needs its issuer");
    }
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    claims = claims == null || claims.isEmpty() ? Map.of() : frozenMap(claims);
  }

  /** A caller vouched for by this library itself (its own tokens, API keys, Basic). */
  public AuthPrincipal(String subject, String clientId, Set<String> scopes, String issuer,
      Instant expiresAt, AuthMethod method, Map<String, Object> claims) {
    this(subject, clientId, scopes, issuer, expiresAt, method, claims, false);
  }

  /**
   * Who the caller is for ownership and per-caller state: the subject, or {@code <issuer> <sub>}
   * for a {@link #thirdParty()} caller (see the type's description).
   */
  public String identity() {
    return thirdParty ? issuer + IDENTITY_SEPARATOR + subject : subject;
  }

  /** Whether every one of {@code required} was granted. */
  public boolean hasScopes(Set<String> required) {
    return scopes.containsAll(required);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> frozenMap(Map<?, ?> map) {
    Map<Object, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, frozen(v)));
    return (Map<String, Object>) (Map<?, ?>) Collections.unmodifiableMap(copy);
  }

  // JSON values only nest as objects and arrays; everything else (strings, numbers, booleans,
  // null) is immutable already.
  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      return frozenMap(map);
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>(items.size());
      items.forEach(item -> copy.add(frozen(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
