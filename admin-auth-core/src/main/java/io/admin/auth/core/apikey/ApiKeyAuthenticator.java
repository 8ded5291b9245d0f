package io.admin.auth.core.apikey;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.spi.ApiKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The API-key hot path: parse, one store lookup by id, one constant-time HMAC comparison (two
 * during a rotation grace period when the old secret is presented), then revocation and expiry.
 * A successful use is noted in the {@link LastUsedRecorder}, never written to the store here.
 *
 * <p>Malformed keys never reach the store. The secret is checked before revocation and expiry,
 * so only a holder of the secret learns that a key is revoked or expired; everyone else gets
 * {@code AUTH_API_KEY_INVALID}. An unknown id costs the same HMAC as a wrong secret.
 */
final class ApiKeyAuthenticator {

  private final ApiKeyStore store;
  private final SecretHasher hasher;
  private final Clock clock;
  private final LastUsedRecorder lastUsed;

  ApiKeyAuthenticator(ApiKeyStore store, SecretHasher hasher, Clock clock,
      LastUsedRecorder lastUsed) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
    this.lastUsed = lastUsed;
  }

  /** See {@link ApiKeyService#authenticate(String)}. */
  AuthOutcome authenticate(String presentedKey) {
    Optional<ApiKeyFormat.ParsedApiKey> parsed = ApiKeyFormat.parse(presentedKey);
    if (parsed.isEmpty()) {
      return invalid();
    }
    String id = parsed.get().id();
    String secret = parsed.get().secret();
    Optional<ApiKey> found = store.findById(id);
    if (found.isEmpty()) {
      // Spend the HMAC anyway so an unknown id costs what a wrong secret costs.
      hasher.matches(secret, null);
      return invalid();
    }
    ApiKey key = found.get();
    Instant now = clock.instant();
    if (!secretMatches(key, secret, now)) {
      return invalid();
    }
    if (key.revoked()) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_API_KEY_REVOKED,
          "The API key has been revoked.");
    }
    if (key.expiredAt(now)) {
      return AuthOutcome.rejected(new AuthError(AuthErrorCode.AUTH_API_KEY_EXPIRED,
          "The API key has expired.", Map.of("expired_at", key.expiresAt().toString())));
    }
    lastUsed.record(id, now);
    return AuthOutcome.authenticated(new AuthPrincipal(key.owner(), key.id(), key.scopes(), null,
        key.expiresAt(), AuthMethod.API_KEY,
        Map.of(ApiKeyService.CLAIM_KEY_ID, key.id(), ApiKeyService.CLAIM_KEY_NAME, key.name())));
  }

  // The previous secret counts only until its grace period ends.
  private boolean secretMatches(ApiKey key, String secret, Instant now) {
    if (hasher.matches(secret, key.secretHash())) {
      return true;
    }
    return key.previousSecretHash() != null
        && now.isBefore(key.previousSecretExpiresAt())
        && hasher.matches(secret, key.previousSecretHash());
  }

  private static AuthOutcome invalid() {
    return AuthOutcome.rejected(AuthErrorCode.AUTH_API_KEY_INVALID,
        "The API key provided is invalid.");
  }
}
