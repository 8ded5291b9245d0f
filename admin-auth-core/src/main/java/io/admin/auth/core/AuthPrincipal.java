package io.admin.auth.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An authenticated caller. Immutable.
 *
 * @param subject who the caller is ({@code sub}, API key owner, or Basic user name)
 * @param clientId the OAuth client the credential was issued to, or {@code null} when there is none
 *     (Basic users)
 * @param scopes granted scopes (sorted, unmodifiable)
 * @param issuer the token issuer, or {@code null} for credentials that are not tokens
 * @param expiresAt when the credential stops being valid, or {@code null} if it does not expire
 * @param method how the caller authenticated
 * @param claims the remaining verified claims or attributes (unmodifiable; may be empty)
 */
public record AuthPrincipal(
    String subject,
    String clientId,
    Set<String> scopes,
    String issuer,
    Instant expiresAt,
    AuthMethod method,
    Map<String, Object> claims) {

  public AuthPrincipal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(method, "method");
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    claims = claims == null || claims.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }

  /** Whether every one of {@code required} was granted. */
  public boolean hasScopes(Set<String> required) {
    return scopes.containsAll(required);
  }
}
