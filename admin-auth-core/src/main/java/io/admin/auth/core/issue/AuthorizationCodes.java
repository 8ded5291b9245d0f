package io.admin.auth.core.issue;

import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.IssuedCode;
import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.OAuthClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Issues and redeems authorization codes: 256 random bits each, stored only as their keyed hash
 * (like refresh tokens), redeemable once within their lifetime (at most 60 s), each with a fresh
 * grant id that every token issued from it carries as its family.
 */
final class AuthorizationCodes {

  /** The longest a code may live (see {@code docs/http-contract.md}, "Signing people in"). */
  static final Duration MAX_TTL = Duration.ofSeconds(60);

  private static final int CODE_BYTES = 32;
  // Our codes are 43 characters; anything much longer is not one and is never hashed.
  private static final int MAX_CODE_CHARS = 512;

  private final AuthorizationCodeStore store;
  private final SecretHasher hasher;
  private final RandomTokens random;
  private final Clock clock;
  private final Duration ttl;
  private final Duration replayWindow;
  private final Supplier<String> newGrantId;

  /**
   * @param replayWindow how long after expiry a redeemed code is kept, so that a replay is still
   *     recognised (and revokes) while any access token issued from it can be valid
   */
  AuthorizationCodes(AuthorizationCodeStore store, SecretHasher hasher, RandomTokens random,
      Clock clock, Duration ttl, Duration replayWindow, Supplier<String> newGrantId) {
    this.store = store;
    this.hasher = hasher;
    this.random = random;
    this.clock = clock;
    this.ttl = ttl;
    this.replayWindow = replayWindow;
    this.newGrantId = newGrantId;
  }

  /**
   * Stores a new code bound to {@code approved} and returns it; only its hash is kept.
   *
   * @param client the registered client {@code approved} names, or empty when there is none
   * @throws IllegalArgumentException when that client is unknown, not registered for {@code
   *     authorization_code}, or not allowed one of the scopes
   */
  IssuedCode issue(Optional<OAuthClient> client, ApprovedAuthorization approved) {
    if (client.isEmpty()
        || !client.get().grantTypes().contains(ClientRegistration.GRANT_AUTHORIZATION_CODE)
        || !client.get().allowedScopes().containsAll(approved.scopes())) {
      throw new IllegalArgumentException("client " + approved.clientId()
          + " is unknown, or may not be granted these scopes with an authorization code");
    }
    String code = random.next(CODE_BYTES);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    store.save(new AuthorizationCode(hasher.hash(code), approved.clientId(),
        approved.redirectUri(), approved.codeChallenge(), approved.subject(), approved.scopes(),
        approved.nonce(), approved.authTime(), approved.sessionId(), newGrantId.get(), now,
        expiresAt, null));
    return new IssuedCode(code, expiresAt);
  }

  /**
   * Marks {@code code} redeemed at {@code now}, atomically: the record if this call redeemed it,
   * {@code AlreadyRedeemed} for a replay, {@code NotFound} for anything else. Expiry is the
   * caller's to check.
   */
  AuthorizationCodeStore.RedeemResult redeem(String code, Instant now) {
    if (code == null || code.isEmpty() || code.length() > MAX_CODE_CHARS) {
      return new AuthorizationCodeStore.NotFound();
    }
    return store.redeem(hasher.hash(code), now);
  }

  /** Deletes codes expired longer than the replay window before {@code now}; returns how many. */
  int purgeExpired(Instant now) {
    return store.purgeExpired(now.minus(replayWindow));
  }
}
