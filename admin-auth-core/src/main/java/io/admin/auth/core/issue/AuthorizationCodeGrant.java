package io.admin.auth.core.issue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.signin.StandardClaims;
import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.Person;
import io.admin.auth.core.spi.PersonDirectory;
import io.admin.auth.core.spi.SigningKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The {@code authorization_code} grant (RFC 6749 section 4.1.3, RFC 7636 section 4.6) for an
 * already authenticated client (confidential by its secret, public by its id alone).
 *
 * <p>The code is redeemed first, atomically, and only then checked: expiry, client, the exact
 * {@code redirect_uri} string, and the PKCE S256 verifier. So a code is spent by its first
 * presentation whether or not the checks pass (RFC 9700 section 4.5 treats a failed PKCE check as
 * a possible injection attempt), and the legitimate client then starts over. A code presented
 * again is a replay: it fails and revokes everything issued from it (the family {@code grantId}).
 * Every failure is the same {@code AUTH_AUTHORIZATION_CODE_INVALID}, so an attacker learns nothing
 * about which check failed; missing parameters are {@code invalid_request} and spend nothing.
 *
 * <p>The tokens: an access token for the person ({@code sub}) and the client ({@code client_id}),
 * stamped {@code fid} = {@code grantId}; a refresh token in family {@code grantId} only when
 * {@code offline_access} was granted and the client may refresh; an ID token when {@code openid}
 * was granted. {@code offline_access} stays in the granted scope like every other scope, so the
 * response's {@code scope}, the access token's and the refresh token's are one set.
 */
final class AuthorizationCodeGrant {

  private static final AuthError INVALID = AuthError.of(
      AuthErrorCode.AUTH_AUTHORIZATION_CODE_INVALID,
      "The authorization code is invalid, expired or already used, or does not match the request.");

  private final AuthorizationCodes codes;
  private final AccessTokenIssuer tokenIssuer;
  private final Supplier<SigningKey> activeKey;
  private final IdTokens idTokens;
  private final RefreshGrants refreshGrants;
  private final TokenLifetimes lifetimes;
  private final Clock clock;
  private final AuditSink audit;

  AuthorizationCodeGrant(AuthorizationCodes codes, AccessTokenIssuer tokenIssuer,
      Supplier<SigningKey> activeKey, IdTokens idTokens, RefreshGrants refreshGrants,
      TokenLifetimes lifetimes, Clock clock, AuditSink audit) {
    this.codes = codes;
    this.tokenIssuer = tokenIssuer;
    this.activeKey = activeKey;
    this.idTokens = idTokens;
    this.refreshGrants = refreshGrants;
    this.lifetimes = lifetimes;
    this.clock = clock;
    this.audit = audit;
  }

  /** Tokens for the code, or the grant, request or code error. */
  TokenResult exchange(OAuthClient client, String code, String redirectUri, String codeVerifier) {
    if (!client.grantTypes().contains(ClientRegistration.GRANT_AUTHORIZATION_CODE)) {
      return failed(AuthError.of(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
          "The client is not allowed to use this grant type."));
    }
    if (code == null || redirectUri == null || codeVerifier == null) {
      return failed(AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "The code, redirect_uri and code_verifier parameters are required."));
    }
    Instant now = clock.instant();
    AuthorizationCodeStore.RedeemResult result = codes.redeem(code, now);
    if (result instanceof AuthorizationCodeStore.AlreadyRedeemed replay) {
      // Whoever presents it, the code has leaked: what was issued from it must die.
      refreshGrants.revokeFamily(replay.code().grantId(), now);
      audit.emit(new AuditEvent.AuthorizationCodeReplayDetected(now, client.clientId(),
          replay.code().grantId()));
      return failed(INVALID);
    }
    if (!(result instanceof AuthorizationCodeStore.Redeemed redeemed)
        || !matches(redeemed.code(), client, redirectUri, codeVerifier, now)) {
      return failed(INVALID);
    }
    return issue(client, redeemed.code());
  }

  // Every check runs, so that the time taken does not tell which one failed.
  private static boolean matches(AuthorizationCode c, OAuthClient client, String redirectUri,
      String codeVerifier, Instant now) {
    boolean live = now.isBefore(c.expiresAt());
    boolean sameClient = c.clientId().equals(client.clientId());
    boolean sameRedirect = c.redirectUri().equals(redirectUri);
    boolean pkce = Pkce.matches(codeVerifier, c.codeChallenge());
    return live & sameClient & sameRedirect & pkce;
  }

  private TokenResult issue(OAuthClient client, AuthorizationCode c) {
    // Scopes the client lost since the person approved are not granted.
    Set<String> granted = new TreeSet<>(c.scopes());
    granted.retainAll(client.allowedScopes());
    String family = c.grantId();
    // The person is read before anything is issued: a directory outage then leaves nothing behind.
    Person person = granted.contains(StandardClaims.OPENID) ? idTokens.person(c.subject()) : null;
    Duration ttl = lifetimes.accessFor(client);
    AccessTokenIssuer.IssuedAccessToken access = tokenIssuer.issue(activeKey.get(), c.subject(),
        client.clientId(), granted, ttl, family);
    boolean offline = granted.contains(StandardClaims.OFFLINE_ACCESS)
        && client.grantTypes().contains(DefaultTokenService.GRANT_REFRESH_TOKEN);
    String refresh = offline
        ? refreshGrants.issue(family, client, c.subject(), granted, lifetimes.refreshFor(client))
        : null;
    String idToken = person == null ? null : idTokens.issue(c, person, granted);
    audit.emit(new AuditEvent.TokenIssued(clock.instant(),
        ClientRegistration.GRANT_AUTHORIZATION_CODE, client.clientId(), c.subject(),
        access.claims().jwtId(), granted, family));
    return new TokenResult.Issued(new TokenResponse(access.token(), TokenResponse.BEARER,
        ttl.toSeconds(), refresh, granted, idToken));
  }

  private static TokenResult failed(AuthError error) {
    return new TokenResult.Failed(error);
  }
}
