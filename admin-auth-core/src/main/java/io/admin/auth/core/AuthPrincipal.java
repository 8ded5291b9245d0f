package io.admin.auth.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller. Immutable, claims included: nested JSON objects and arrays are copied
 * once, when the principal is built, into unmodifiable maps and lists, so a principal shared by
 * many requests (a verified-token cache hit answers with the same object) cannot be changed by
 * one of them. The copies are compact (a few members in one array), as a verified-token cache
 * holds one principal per cached token.
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
   *
   * @param subject who the token or key speaks for ({@code sub}); required
   * @param clientId the client the credentials were issued to, or {@code null} when none
   * @param scopes the granted scopes; {@code null} means none
   * @param issuer the issuer that vouched for the caller; required when {@code thirdParty}
   * @param expiresAt when the credentials expire, or {@code null} when they do not
   * @param method how the caller authenticated; required
   * @param claims every other claim of the token; {@code null} means none
   * @param thirdParty whether another provider's token vouched for the caller
   */
  public AuthPrincipal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(method, "method");
    if (thirdParty && (issuer == null || issuer.isEmpty())) {
      throw new IllegalArgumentException("a third-party principal needs its issuer");
    }
    scopes = scopes == null ? Set.of() : FrozenJson.sortedSet(scopes);
    claims = claims == null ? Map.of() : FrozenJson.map(claims);
  }

  /**
   * A caller vouched for by this library itself (its own tokens, API keys, Basic).
   *
   * @param subject who the token or key speaks for ({@code sub}); required
   * @param clientId the client the credentials were issued to, or {@code null} when none
   * @param scopes the granted scopes; {@code null} means none
   * @param issuer the issuer that vouched for the caller, or {@code null}
   * @param expiresAt when the credentials expire, or {@code null} when they do not
   * @param method how the caller authenticated; required
   * @param claims every other claim of the token; {@code null} means none
   */
  public AuthPrincipal(String subject, String clientId, Set<String> scopes, String issuer,
      Instant expiresAt, AuthMethod method, Map<String, Object> claims) {
    this(subject, clientId, scopes, issuer, expiresAt, method, claims, false);
  }

  /**
   * Who the caller is for ownership and per-caller state: the subject, or {@code <issuer> <sub>}
   * for a {@link #thirdParty()} caller (see the type's description).
   *
   * @return the identity; never blank
   */
  public String identity() {
    return thirdParty ? issuer + IDENTITY_SEPARATOR + subject : subject;
  }

  /**
   * Whether every one of {@code required} was granted.
   *
   * @param required the scopes to look for; empty is always granted
   * @return {@code true} when every required scope is in {@link #scopes()}
   */
  public boolean hasScopes(Set<String> required) {
    return scopes.containsAll(required);
  }
}
