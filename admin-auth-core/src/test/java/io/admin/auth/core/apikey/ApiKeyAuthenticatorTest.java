package io.admin.auth.core.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hot path alone, over keys written straight into a real store (no management involved). */
class ApiKeyAuthenticatorTest {

  private static final Instant T0 = Instant.parse("2026-03-15T10:00:00Z");
  private static final String ID = "AbCdEfGh01234567";

  private final MutableClock clock = new MutableClock(T0);
  private final SecureRandom random = new SecureRandom();
  private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());
  private final SecretHasher hasher = SecretHasher.withPepper(new byte[32]);
  private final LastUsedRecorder lastUsed = new LastUsedRecorder(store, 100);
  private final ApiKeyAuthenticator authenticator =
      new ApiKeyAuthenticator(store, hasher, clock, lastUsed);
  private final String secret = ApiKeyFormat.newSecret(random);
  private final String key = ApiKeyFormat.format(ID, secret);

  private void insert(Instant expiresAt, Instant revokedAt, String previousSecret,
      Instant previousUntil) {
    store.insert(new ApiKey(ID, "ci-bot", "alice", Set.of("users:read"), T0, expiresAt, null,
        revokedAt, hasher.hash(secret), previousSecret == null ? null : hasher.hash(previousSecret),
        previousUntil));
  }

  private static AuthErrorCode code(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  @Test
  void authenticateWhenSecretMatchesThenPrincipalAndUseRecordedNotWritten() {
    insert(T0.plusSeconds(60), null, null, null);
    clock.advance(Duration.ofSeconds(5));

    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        authenticator.authenticate(key)).principal();
    assertEquals("alice", p.subject());
    assertEquals(ID, p.clientId());
    assertEquals(AuthMethod.API_KEY, p.method());
    assertEquals(Map.of("api_key_id", ID, "api_key_name", "ci-bot"), p.claims());
    assertEquals(Optional.of(T0.plusSeconds(5)), lastUsed.pending(ID));
    assertEquals(0, store.lastUsedWrites.get());
  }

  @Test
  void authenticateWhenPreviousSecretThenAcceptedOnlyBeforeItsGraceEnds() {
    String previous = ApiKeyFormat.newSecret(random);
    insert(null, null, previous, T0.plusSeconds(10));
    String oldKey = ApiKeyFormat.format(ID, previous);

    assertInstanceOf(AuthOutcome.Authenticated.class, authenticator.authenticate(oldKey));
    clock.advance(Duration.ofSeconds(10));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(authenticator.authenticate(oldKey)));
    assertInstanceOf(AuthOutcome.Authenticated.class, authenticator.authenticate(key));
  }

  @Test
  void authenticateWhenRevokedThenSaidOnlyToHoldersOfTheSecret() {
    insert(T0.plusSeconds(1), T0, null, null);
    String wrong = ApiKeyFormat.format(ID, ApiKeyFormat.newSecret(random));
    assertEquals(AuthErrorCode.AUTH_API_KEY_REVOKED, code(authenticator.authenticate(key)));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(authenticator.authenticate(wrong)));
    assertEquals(Optional.empty(), lastUsed.pending(ID));
  }

  @Test
  void authenticateWhenExpiredThenExpiredAtInDetails() {
    insert(T0.plusSeconds(1), null, null, null);
    clock.advance(Duration.ofSeconds(1));

    AuthOutcome.Rejected r = assertInstanceOf(AuthOutcome.Rejected.class,
        authenticator.authenticate(key));
    assertEquals(AuthErrorCode.AUTH_API_KEY_EXPIRED, r.error().code());
    assertEquals(Map.of("expired_at", T0.plusSeconds(1).toString()), r.error().details());
  }

  @Test
  void authenticateWhenMalformedThenNoLookupAndWhenUnknownThenOneLookup() {
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID,
        code(authenticator.authenticate(key.substring(1))));
    assertEquals(0, store.lookups.get());
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(authenticator.authenticate(key)));
    assertEquals(1, store.lookups.get());
    assertEquals(0, lastUsed.pendingCount());
  }
}
