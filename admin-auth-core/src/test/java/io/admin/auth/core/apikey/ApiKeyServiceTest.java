package io.admin.auth.core.apikey;

import io.admin.auth.core.spi.ApiKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyServiceTest {

  private static final Instant T0 = Instant.parse("2026-03-15T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final CountingApiKeyStore store = new CountingApiKeyStore(new InMemoryApiKeyStore());
  private final SecretHasher hasher = SecretHasher.withPepper(pepper());
  private final ApiKeyService service = ApiKeyService.builder()
      .store(store).hasher(hasher).clock(clock).random(new SecureRandom()).build();

  private static byte[] pepper() {
    byte[] p = new byte[32];
    Arrays.fill(p, (byte) 3);
    return p;
  }

  private IssuedApiKey create(Duration expiresIn) {
    return service.create("alice", "ci-bot", Set.of("users:read"), expiresIn);
  }

  private static AuthErrorCode code(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  @Test
  void createWhenValidThenKeyShownOnceAndOnlyHashStored() {
    IssuedApiKey issued = create(Duration.ofDays(30));
    ApiKey meta = issued.metadata();
    assertTrue(issued.key().startsWith(meta.prefix() + "_"));
    assertEquals("adm_" + meta.id(), meta.prefix());
    assertEquals(T0, meta.createdAt());
    assertEquals(T0.plus(Duration.ofDays(30)), meta.expiresAt());
    assertEquals(Set.of("users:read"), meta.scopes());
    ApiKey stored = store.findById(meta.id()).orElseThrow();
    String secret = ApiKeyFormat.parse(issued.key()).orElseThrow().secret();
    assertFalse(stored.toString().contains(secret));
    assertFalse(stored.secretHash().contains(secret));
    assertTrue(hasher.matches(secret, stored.secretHash()));
    assertFalse(issued.toString().contains(secret));
    assertFalse(stored.toString().contains(stored.secretHash()));
  }

  @Test
  void authenticateWhenValidThenPrincipalOfOwnerWithKeyIdAsClientId() {
    IssuedApiKey issued = create(Duration.ofDays(1));
    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        service.authenticate(issued.key())).principal();
    assertEquals("alice", p.subject());
    assertEquals(issued.metadata().id(), p.clientId());
    assertEquals(AuthMethod.API_KEY, p.method());
    assertEquals(Set.of("users:read"), p.scopes());
    assertEquals(T0.plus(Duration.ofDays(1)), p.expiresAt());
    assertEquals(issued.metadata().id(), p.claims().get(ApiKeyService.CLAIM_KEY_ID));
    assertEquals("ci-bot", p.claims().get(ApiKeyService.CLAIM_KEY_NAME));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"garbage", "Bearer abc", "adm_"})
  void authenticateWhenMalformedThenInvalidWithoutStoreLookup(String presented) {
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(presented)));
    assertEquals(0, store.lookups.get());
  }

  @Test
  void authenticateWhenOneCharacterChangedOrTruncatedThenInvalidWithoutStoreLookup() {
    String key = create(null).key();
    int last = key.length() - 1;
    String flipped = key.substring(0, last) + (key.charAt(last) == 'a' ? 'b' : 'a');
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(flipped)));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID,
        code(service.authenticate(key.substring(0, last))));
    String midFlip = key.substring(0, 30) + (key.charAt(30) == 'Q' ? 'R' : 'Q') + key.substring(31);
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(midFlip)));
    assertEquals(0, store.lookups.get());
  }

  @Test
  void authenticateWhenWellFormedButUnknownThenInvalidAfterOneLookup() {
    String key = ApiKeyFormat.format("0000000000000000", ApiKeyFormat.newSecret(new SecureRandom()));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(key)));
    assertEquals(1, store.lookups.get());
  }

  @Test
  void authenticateWhenRightIdWrongSecretThenInvalid() {
    IssuedApiKey issued = create(null);
    String forged = ApiKeyFormat.format(issued.metadata().id(), ApiKeyFormat.newSecret(new SecureRandom()));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(forged)));
  }

  @Test
  void authenticateWhenExpiredThenExpiredCodeWithExpiredAt() {
    IssuedApiKey issued = create(Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(59));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.authenticate(issued.key()));
    clock.advance(Duration.ofMinutes(1));
    AuthOutcome.Rejected r = assertInstanceOf(AuthOutcome.Rejected.class, service.authenticate(issued.key()));
    assertEquals(AuthErrorCode.AUTH_API_KEY_EXPIRED, r.error().code());
    assertEquals("2026-03-15T11:00:00Z", r.error().details().get("expired_at"));
  }

  @Test
  void authenticateWhenRevokedThenRevokedCodeButWrongSecretStillInvalid() {
    IssuedApiKey issued = create(null);
    assertTrue(service.revoke(issued.metadata().id()));
    assertEquals(AuthErrorCode.AUTH_API_KEY_REVOKED, code(service.authenticate(issued.key())));
    String forged = ApiKeyFormat.format(issued.metadata().id(), ApiKeyFormat.newSecret(new SecureRandom()));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(forged)));
    assertEquals(T0, service.get(issued.metadata().id()).orElseThrow().revokedAt());
  }

  @Test
  void rotateWhenWithinGraceThenBothWorkAndAfterGraceOnlyNew() {
    IssuedApiKey old = create(null);
    IssuedApiKey rotated = service.rotate(old.metadata().id(), Duration.ofSeconds(3600)).orElseThrow();
    assertNotEquals(old.key(), rotated.key());
    assertEquals(old.metadata().id(), rotated.metadata().id());
    assertInstanceOf(AuthOutcome.Authenticated.class, service.authenticate(rotated.key()));
    clock.advance(Duration.ofSeconds(3599));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.authenticate(old.key()));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(old.key())));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.authenticate(rotated.key()));
  }

  @Test
  void rotateWhenDefaultThenGraceIs86400Seconds() {
    IssuedApiKey old = create(null);
    IssuedApiKey rotated = service.rotate(old.metadata().id()).orElseThrow();
    assertEquals(T0.plusSeconds(86_400), rotated.metadata().previousSecretExpiresAt());
    clock.advance(Duration.ofSeconds(86_399));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.authenticate(old.key()));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(old.key())));
  }

  @Test
  void rotateWhenZeroGraceThenOldFailsAtOnce() {
    IssuedApiKey old = create(null);
    IssuedApiKey rotated = service.rotate(old.metadata().id(), Duration.ZERO).orElseThrow();
    assertNull(rotated.metadata().previousSecretHash());
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(old.key())));
  }

  @Test
  void rotateWhenRotatedTwiceThenFirstSecretEndsAtOnce() {
    IssuedApiKey first = create(null);
    IssuedApiKey second = service.rotate(first.metadata().id()).orElseThrow();
    IssuedApiKey third = service.rotate(first.metadata().id()).orElseThrow();
    assertEquals(AuthErrorCode.AUTH_API_KEY_INVALID, code(service.authenticate(first.key())));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.authenticate(second.key()));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.authenticate(third.key()));
  }

  @Test
  void rotateWhenRevokedExpiredOrUnknownThenEmpty() {
    IssuedApiKey revoked = create(null);
    service.revoke(revoked.metadata().id());
    IssuedApiKey expiring = create(Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(10));
    assertTrue(service.rotate(revoked.metadata().id()).isEmpty());
    assertTrue(service.rotate(expiring.metadata().id()).isEmpty());
    assertTrue(service.rotate("0000000000000000").isEmpty());
    assertTrue(service.rotate("../../etc").isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> service.rotate(expiring.metadata().id(), Duration.ofSeconds(-1)));
  }

  @Test
  void revokeWhenUnknownThenFalse() {
    assertFalse(service.revoke("0000000000000000"));
    assertFalse(service.revoke(null));
  }

  @Test
  void listByOwnerWhenSeveralOwnersThenOnlyOwnKeys() {
    IssuedApiKey a1 = create(null);
    clock.advance(Duration.ofSeconds(1));
    IssuedApiKey a2 = create(null);
    service.create("bob", "other", Set.of(), null);
    assertEquals(List.of(a1.metadata().id(), a2.metadata().id()),
        service.listByOwner("alice").stream().map(ApiKey::id).toList());
    assertEquals(3, service.listAll().size());
  }

  @Test
  void authenticateWhenSuccessfulThenLastUsedPendingUntilFlushWithoutStoreWrite() {
    IssuedApiKey issued = create(null);
    String id = issued.metadata().id();
    clock.advance(Duration.ofSeconds(5));
    service.authenticate(issued.key());
    clock.advance(Duration.ofSeconds(5));
    service.authenticate(issued.key());
    assertEquals(0, store.lastUsedWrites.get());
    assertNull(store.findById(id).orElseThrow().lastUsedAt());
    assertEquals(T0.plusSeconds(10), service.get(id).orElseThrow().lastUsedAt());
    assertEquals(1, service.lastUsed().flush());
    assertEquals(1, store.lastUsedWrites.get());
    assertEquals(T0.plusSeconds(10), store.findById(id).orElseThrow().lastUsedAt());
  }

  @Test
  void authenticateWhenRejectedThenLastUsedNotRecorded() {
    IssuedApiKey issued = create(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2));
    service.authenticate(issued.key());
    assertEquals(0, service.lastUsed().pendingCount());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" "})
  void createWhenBlankOwnerOrNameThenIllegalArgument(String blank) {
    assertThrows(IllegalArgumentException.class, () -> service.create(blank, "n", Set.of(), null));
    assertThrows(IllegalArgumentException.class, () -> service.create("o", blank, Set.of(), null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "users read", "users:\"read", "back\\slash", "\u00e9t\u00e9", "tab\t"})
  void createWhenScopeNotAScopeTokenThenIllegalArgument(String scope) {
    assertThrows(IllegalArgumentException.class, () -> service.create("o", "n", Set.of(scope), null));
  }

  @Test
  void createWhenNonPositiveLifetimeThenIllegalArgument() {
    assertThrows(IllegalArgumentException.class,
        () -> service.create("o", "n", Set.of(), Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> service.create("o", "n", Set.of(), Duration.ofSeconds(-1)));
  }

  @Test
  void createWhenNoLifetimeThenDefaultOf90DaysAndLongerThanTheMaximumRefused() {
    assertEquals(T0.plus(Duration.ofDays(90)), create(null).metadata().expiresAt());
    assertEquals(T0.plus(Duration.ofDays(365)), create(Duration.ofDays(365)).metadata().expiresAt());
    assertThrows(IllegalArgumentException.class, () -> create(Duration.ofDays(365).plusSeconds(1)));
  }

  @Test
  void createWhenLifetimesConfiguredThenTheyApply() {
    ApiKeyService custom = ApiKeyService.builder().store(store).hasher(hasher).clock(clock)
        .defaultExpiresIn(Duration.ofHours(1)).maxExpiresIn(Duration.ofDays(2)).build();
    assertEquals(Duration.ofDays(2), custom.maxExpiresIn());
    assertEquals(T0.plus(Duration.ofHours(1)),
        custom.create("o", "n", Set.of(), null).metadata().expiresAt());
    assertThrows(IllegalArgumentException.class,
        () -> custom.create("o", "n", Set.of(), Duration.ofDays(3)));
  }

  @Test
  void buildWhenLifetimesInconsistentThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> ApiKeyService.builder().store(store)
        .hasher(hasher).maxExpiresIn(Duration.ofDays(10L * 366 + 1)).build());
    assertThrows(IllegalStateException.class, () -> ApiKeyService.builder().store(store)
        .hasher(hasher).maxExpiresIn(Duration.ofDays(30)).build());
    assertThrows(IllegalStateException.class, () -> ApiKeyService.builder().store(store)
        .hasher(hasher).defaultExpiresIn(Duration.ZERO).build());
  }

  @Test
  void buildWhenStoreOrHasherMissingThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> ApiKeyService.builder().hasher(hasher).build());
    assertThrows(IllegalStateException.class, () -> ApiKeyService.builder().store(store).build());
    assertThrows(IllegalStateException.class, () -> ApiKeyService.builder().store(store)
        .hasher(hasher).defaultGracePeriod(Duration.ofSeconds(-1)).build());
  }

  @Test
  void buildWhenEachSettingMissingOrOutOfRangeThenIllegalStateAndAtTheBoundsBuilt() {
    List<java.util.function.UnaryOperator<ApiKeyService.Builder>> bad = List.of(
        b -> b.clock(null),
        b -> b.defaultGracePeriod(null),
        b -> b.maxExpiresIn(null),
        b -> b.maxExpiresIn(Duration.ZERO),
        b -> b.maxExpiresIn(Duration.ofSeconds(-1)),
        b -> b.defaultExpiresIn(null),
        b -> b.defaultExpiresIn(Duration.ofSeconds(-1)),
        b -> b.maxPendingLastUsed(0));
    for (var change : bad) {
      assertThrows(IllegalStateException.class,
          () -> change.apply(ApiKeyService.builder().store(store).hasher(hasher)).build());
    }
    ApiKeyService bounds = ApiKeyService.builder().store(store).hasher(hasher).clock(clock)
        .maxExpiresIn(ApiKeyService.MAX_EXPIRES_IN_CEILING)
        .defaultExpiresIn(ApiKeyService.MAX_EXPIRES_IN_CEILING).maxPendingLastUsed(1).build();
    assertEquals(ApiKeyService.MAX_EXPIRES_IN_CEILING, bounds.defaultExpiresIn());
    assertEquals(T0.plus(ApiKeyService.MAX_EXPIRES_IN_CEILING),
        bounds.create("o", "n", Set.of(), null).metadata().expiresAt());
    bounds.lastUsed().record("AAAAAAAAAAAAAAA1", T0);
    bounds.lastUsed().record("AAAAAAAAAAAAAAA2", T0);
    assertEquals(1, bounds.lastUsed().pendingCount(), "maxPendingLastUsed reached the recorder");
  }

  @Test
  void buildWhenRecorderGivenThenSharedAndWhenNoRandomThenOwnSecureRandom() {
    LastUsedRecorder shared = new LastUsedRecorder(store, 5);
    ApiKeyService withShared = ApiKeyService.builder().store(store).hasher(hasher)
        .lastUsedRecorder(shared).build();
    assertTrue(withShared.lastUsed() == shared, "the given recorder is the one used");

    IssuedApiKey issued = withShared.create("o", "n", Set.of(), null);
    assertInstanceOf(AuthOutcome.Authenticated.class, withShared.authenticate(issued.key()));
    assertEquals(1, shared.pendingCount());
  }

  @Test
  void createWhenRandomGivenThenKeysDrawnFromItAndShownMasked() throws Exception {
    // Randomness is injected: two services on identically seeded generators issue the same key.
    IssuedApiKey[] issued = new IssuedApiKey[2];
    for (int i = 0; i < 2; i++) {
      SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
      seeded.setSeed(new byte[] {4, 2});
      issued[i] = ApiKeyService.builder().store(new InMemoryApiKeyStore()).hasher(hasher)
          .clock(clock).random(seeded).build().create("o", "n", Set.of(), null);
    }

    assertEquals(issued[0].key(), issued[1].key());
    String secret = ApiKeyFormat.parse(issued[0].key()).orElseThrow().secret();
    assertFalse(issued[0].toString().contains(secret));
    assertTrue(issued[0].toString().endsWith(", key=" + issued[0].metadata().prefix()
        + "_**********]"), issued[0].toString());
  }
}
