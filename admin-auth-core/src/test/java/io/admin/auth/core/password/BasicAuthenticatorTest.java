package io.admin.auth.core.password;

import io.admin.auth.core.spi.User;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {

  private static final Argon2Params FAST = new Argon2Params(64, 1, 1);

  /** Counts what the authenticator did; the hasher itself is real. */
  static final class Counting implements VerificationListener {
    final AtomicInteger cacheHits = new AtomicInteger();
    final AtomicInteger hashes = new AtomicInteger();
    final AtomicInteger dummies = new AtomicInteger();
    final AtomicInteger rehashes = new AtomicInteger();

    @Override
    public void cacheHit(String user) {
      cacheHits.incrementAndGet();
    }

    @Override
    public void hashVerified(String user, boolean matched) {
      hashes.incrementAndGet();
    }

    @Override
    public void dummyVerified() {
      dummies.incrementAndGet();
    }

    @Override
    public void rehashed(String user) {
      rehashes.incrementAndGet();
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final MutableClock clock = MutableClock.at("2026-03-15T10:00:00Z");
  private final InMemoryUserStore users = new InMemoryUserStore();
  private final PasswordHasher hasher = PasswordHasher.withParams(FAST, random);
  private final Counting counts = new Counting();

  private BasicAuthenticator.Builder builder() {
    byte[] pepper = new byte[32];
    Arrays.fill(pepper, (byte) 9);
    return BasicAuthenticator.builder().users(users).hasher(hasher)
        .cacheKeyHasher(SecretHasher.withPepper(pepper)).clock(clock).random(random)
        .cacheTtl(Duration.ofSeconds(30)).listener(counts);
  }

  private final BasicAuthenticator auth;

  BasicAuthenticatorTest() {
    users.save(new User("alice", hasher.hash("s3cret:with:colons"), Set.of("users:read"), false));
    auth = builder().build();
  }

  private static AuthErrorCode code(AuthOutcome o) {
    return assertInstanceOf(AuthOutcome.Rejected.class, o).error().code();
  }

  @Test
  void authenticateWhenEveryHashingSlotIsTakenThenUnavailableNotRejected() throws Exception {
    HashingGate gate = HashingGate.of(1, Duration.ofMillis(20));
    BasicAuthenticator gated = builder().hashingGate(gate).build();
    java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
    Thread holder = new Thread(() -> gate.run(() -> {
      inside.countDown();
      try {
        return open.await(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return false;
      }
    }));
    holder.start();
    try {
      inside.await(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThrows(io.admin.auth.core.AuthUnavailableException.class,
          () -> gated.authenticate("alice", "s3cret:with:colons"));
      assertThrows(io.admin.auth.core.AuthUnavailableException.class,
          () -> gated.authenticate("mallory", "guess"), "the dummy hash passes the gate too");
    } finally {
      open.countDown();
      holder.join(30_000);
    }
    assertInstanceOf(AuthOutcome.Authenticated.class,
        gated.authenticate("alice", "s3cret:with:colons"));
  }

  @Test
  void authenticateWhenCorrectPasswordThenBasicPrincipal() {
    AuthPrincipal p = assertInstanceOf(AuthOutcome.Authenticated.class,
        auth.authenticate("alice", "s3cret:with:colons")).principal();
    assertEquals("alice", p.subject());
    assertNull(p.clientId());
    assertEquals(AuthMethod.BASIC, p.method());
    assertEquals(Set.of("users:read"), p.scopes());
    assertEquals(1, counts.hashes.get());
  }

  @Test
  void authenticateWhenWrongPasswordOrUnknownUserThenSameRejection() {
    AuthOutcome wrong = auth.authenticate("alice", "nope");
    AuthOutcome unknown = auth.authenticate("mallory", "nope");
    assertEquals(AuthErrorCode.AUTH_BASIC_INVALID, code(wrong));
    assertEquals(wrong, unknown);
    assertEquals(0, auth.cacheSize());
  }

  @Test
  void authenticateWhenUnknownUserThenDummyHashVerified() {
    auth.authenticate("mallory", "guess");
    assertEquals(1, counts.dummies.get());
    assertEquals(0, counts.hashes.get());
    auth.authenticate(null, "guess");
    auth.authenticate("alice", null);
    assertEquals(3, counts.dummies.get());
  }

  @Test
  void authenticateWhenCachedThenNoHashingUntilTtlEnds() {
    auth.authenticate("alice", "s3cret:with:colons");
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate("alice", "s3cret:with:colons"));
    }
    assertEquals(1, counts.hashes.get());
    assertEquals(5, counts.cacheHits.get());
    clock.advance(Duration.ofSeconds(30));
    assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate("alice", "s3cret:with:colons"));
    assertEquals(2, counts.hashes.get());
  }

  @Test
  void authenticateWhenCachedButWrongPasswordThenHashedAndRejected() {
    auth.authenticate("alice", "s3cret:with:colons");
    assertEquals(AuthErrorCode.AUTH_BASIC_INVALID, code(auth.authenticate("alice", "s3cret:with:colonz")));
    assertEquals(0, counts.cacheHits.get());
    assertEquals(2, counts.hashes.get());
  }

  @Test
  void authenticateWhenPasswordChangedThenCachedOldPasswordRejected() {
    auth.authenticate("alice", "s3cret:with:colons");
    users.save(users.find("alice").orElseThrow().withPasswordHash(hasher.hash("new-pw")));
    assertEquals(AuthErrorCode.AUTH_BASIC_INVALID, code(auth.authenticate("alice", "s3cret:with:colons")));
    assertEquals(0, counts.cacheHits.get());
    assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate("alice", "new-pw"));
  }

  @Test
  void authenticateWhenUserDisabledThenCachedLoginRejectedAndNotCached() {
    auth.authenticate("alice", "s3cret:with:colons");
    users.save(users.find("alice").orElseThrow().withDisabled(true));
    assertEquals(AuthErrorCode.AUTH_BASIC_INVALID, code(auth.authenticate("alice", "s3cret:with:colons")));
    assertEquals(0, counts.cacheHits.get());
    assertEquals(0, auth.cacheSize());
  }

  @Test
  void evictWhenPasswordChangedThenCacheEntriesOfThatUserGone() {
    users.save(new User("bob", hasher.hash("pw"), Set.of(), false));
    auth.authenticate("alice", "s3cret:with:colons");
    auth.authenticate("bob", "pw");
    assertEquals(2, auth.cacheSize());
    auth.evict("alice");
    assertEquals(1, auth.cacheSize());
    auth.authenticate("alice", "s3cret:with:colons");
    assertEquals(0, counts.cacheHits.get());
  }

  @Test
  void authenticateWhenBcryptHashThenRehashedToArgon2idOnce() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    users.save(new User("legacy", OpenBSDBCrypt.generate("2b", "old-pw".toCharArray(), salt, 4),
        Set.of(), false));
    assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate("legacy", "old-pw"));
    String stored = users.find("legacy").orElseThrow().passwordHash();
    assertTrue(stored.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), stored);
    assertTrue(hasher.verify("old-pw", stored));
    assertEquals(1, counts.rehashes.get());
    // The cache entry follows the new hash, so the next login is a hit, not a second rehash.
    assertInstanceOf(AuthOutcome.Authenticated.class, auth.authenticate("legacy", "old-pw"));
    assertEquals(1, counts.cacheHits.get());
    assertEquals(1, counts.rehashes.get());
  }

  @Test
  void authenticateWhenArgon2ParamsOutdatedThenRehashedWithCurrent() {
    PasswordHasher old = PasswordHasher.withParams(new Argon2Params(32, 1, 1), random);
    users.save(new User("dave", old.hash("pw"), Set.of(), false));
    auth.authenticate("dave", "pw");
    assertFalse(hasher.needsRehash(users.find("dave").orElseThrow().passwordHash()));
    assertEquals(1, counts.rehashes.get());
  }

  @Test
  void authenticateWhenWrongPasswordForOutdatedHashThenNoRehash() {
    PasswordHasher old = PasswordHasher.withParams(new Argon2Params(32, 1, 1), random);
    String oldHash = old.hash("pw");
    users.save(new User("dave", oldHash, Set.of(), false));
    auth.authenticate("dave", "wrong");
    assertEquals(oldHash, users.find("dave").orElseThrow().passwordHash());
    assertEquals(0, counts.rehashes.get());
  }

  @Test
  void authenticateWhenManyUsersThenCacheStaysBounded() {
    BasicAuthenticator small = builder().cacheMaxEntries(3).build();
    String hash = hasher.hash("pw");
    for (int i = 0; i < 20; i++) {
      users.save(new User("u" + i, hash, Set.of(), false));
      small.authenticate("u" + i, "pw");
      assertTrue(small.cacheSize() <= 3, "size " + small.cacheSize());
    }
  }

  @Test
  void authenticateWhenCacheTtlZeroThenAlwaysHashed() {
    BasicAuthenticator uncached = builder().cacheTtl(Duration.ZERO).build();
    uncached.authenticate("alice", "s3cret:with:colons");
    uncached.authenticate("alice", "s3cret:with:colons");
    assertEquals(2, counts.hashes.get());
    assertEquals(0, uncached.cacheSize());
  }

  @Test
  void buildWhenRequiredMissingOrTtlOutOfRangeThenIllegalState() {
    assertThrows(IllegalStateException.class, () -> BasicAuthenticator.builder().build());
    assertThrows(IllegalStateException.class, () -> builder().cacheTtl(Duration.ofHours(2)).build());
    assertThrows(IllegalStateException.class, () -> builder().cacheMaxEntries(0).build());
  }

  @Test
  void authenticateWhenUserOrPasswordNullThenSameRejectionAsUnknownUser() {
    AuthOutcome unknown = auth.authenticate("mallory", "guess");

    assertEquals(unknown, auth.authenticate(null, "guess"));
    assertEquals(unknown, auth.authenticate("alice", null));
    assertEquals(0, counts.hashes.get(), "a null credential must not reach a real user's hash");
  }

  @Test
  void authenticateWhenUserDeletedThenRejectedAndCachedLoginForgotten() {
    auth.authenticate("alice", "s3cret:with:colons");
    assertEquals(1, auth.cacheSize());
    users.delete("alice");

    assertEquals(AuthErrorCode.AUTH_BASIC_INVALID, code(auth.authenticate("alice", "s3cret:with:colons")));
    assertEquals(0, auth.cacheSize());
    BasicAuthenticator uncached = builder().cacheTtl(Duration.ZERO).build();
    assertEquals(AuthErrorCode.AUTH_BASIC_INVALID, code(uncached.authenticate("alice", "s3cret:with:colons")));
  }

  @Test
  void authenticateWhenHashAlreadyCurrentThenNeverRehashed() {
    String before = users.find("alice").orElseThrow().passwordHash();
    BasicAuthenticator uncached = builder().cacheTtl(Duration.ZERO).build();

    uncached.authenticate("alice", "s3cret:with:colons");
    uncached.authenticate("alice", "s3cret:with:colons");

    assertEquals(0, counts.rehashes.get());
    assertEquals(before, users.find("alice").orElseThrow().passwordHash());
  }

  @Test
  void authenticateWhenPasswordChangedWhileRehashingThenChangeKeptAndOldPasswordNotCached() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    users.save(new User("legacy", OpenBSDBCrypt.generate("2b", "old-pw".toCharArray(), salt, 4),
        Set.of(), false));
    String changed = hasher.hash("changed-pw");
    // Another node changes the password between this node's verification and its rehash.
    BasicAuthenticator racing = builder().listener(new VerificationListener() {
      @Override
      public void hashVerified(String user, boolean matched) {
        users.save(users.find(user).orElseThrow().withPasswordHash(changed));
      }

      @Override
      public void rehashed(String user) {
        counts.rehashes.incrementAndGet();
      }
    }).build();

    assertInstanceOf(AuthOutcome.Authenticated.class, racing.authenticate("legacy", "old-pw"));

    assertEquals(changed, users.find("legacy").orElseThrow().passwordHash(), "the change was overwritten");
    assertEquals(0, counts.rehashes.get());
    assertEquals(AuthErrorCode.AUTH_BASIC_INVALID, code(racing.authenticate("legacy", "old-pw")));
  }

  @Test
  void authenticateWhenCacheFullThenExpiredEntriesGoFirstAndLiveOnesOnlyAsNeeded() {
    BasicAuthenticator small = builder().cacheMaxEntries(3).build();
    String hash = hasher.hash("pw");
    for (String name : new String[] {"a", "b", "c", "d"}) {
      users.save(new User(name, hash, Set.of(), false));
    }
    small.authenticate("a", "pw");
    small.authenticate("b", "pw");
    clock.advance(Duration.ofSeconds(31));
    small.authenticate("c", "pw");

    small.authenticate("d", "pw");

    assertEquals(2, small.cacheSize(), "the two expired entries, and only they, make room");
    small.authenticate("c", "pw");
    small.authenticate("d", "pw");
    assertEquals(2, counts.cacheHits.get());

    BasicAuthenticator two = builder().cacheMaxEntries(2).build();
    two.authenticate("a", "pw");
    two.authenticate("b", "pw");
    two.authenticate("c", "pw");
    assertEquals(2, two.cacheSize(), "full of live entries: one is dropped, not all");
  }

  @Test
  void buildWhenEachSettingMissingOrOutOfRangeThenIllegalStateAndAtTheBoundsBuilt() {
    java.util.List<java.util.function.UnaryOperator<BasicAuthenticator.Builder>> bad = java.util.List.of(
        b -> b.users(null),
        b -> b.hasher(null),
        b -> b.cacheKeyHasher(null),
        b -> b.clock(null),
        b -> b.listener(null),
        b -> b.cacheTtl(null),
        b -> b.cacheTtl(Duration.ofSeconds(-1)),
        b -> b.cacheTtl(Duration.ofHours(1).plusNanos(1)),
        b -> b.cacheMaxEntries(0));
    for (var change : bad) {
      assertThrows(IllegalStateException.class, () -> change.apply(builder()).build());
    }
    BasicAuthenticator bounds = builder().cacheTtl(Duration.ofHours(1)).cacheMaxEntries(1).build();
    assertInstanceOf(AuthOutcome.Authenticated.class, bounds.authenticate("alice", "s3cret:with:colons"));
    byte[] pepper = new byte[32];
    BasicAuthenticator defaults = BasicAuthenticator.builder().users(users).hasher(hasher)
        .cacheKeyHasher(SecretHasher.withPepper(pepper)).build();
    assertInstanceOf(AuthOutcome.Authenticated.class, defaults.authenticate("alice", "s3cret:with:colons"));
  }
}
