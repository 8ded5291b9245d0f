package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.testing.LogCapture;
import io.admin.auth.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pepper rule ({@code persistent()}) and the in-memory fallback warning of the builder. */
class DefaultTokenServiceBuilderTest {

  private static final String WARNING = "survives a restart";

  private final MutableClock clock = MutableClock.atGuideExample();

  @Test
  void buildWhenInMemoryStoresGivenExplicitlyWithoutPepperThenBuilt() {
    DefaultTokenService s = ServiceFixture.builder(clock).clientStore(new InMemoryClientStore())
        .refreshTokenStore(new InMemoryRefreshTokenStore()).build();
    s.registerClient(ClientRegistration.of("c", SECRET, Set.of("a")));
    assertInstanceOf(ClientAuthentication.Succeeded.class, s.authenticateClient("c", SECRET));
  }

  @Test
  void buildWhenCustomStoreDeclaresItselfNotPersistentThenNoPepperNeeded() {
    ClientStore volatileStore = new DelegatingClientStore(false);
    DefaultTokenService s = ServiceFixture.builder(clock).clientStore(volatileStore).build();
    s.registerClient(ClientRegistration.of("c", SECRET, Set.of("a")));
    assertInstanceOf(ClientAuthentication.Succeeded.class, s.authenticateClient("c", SECRET));
  }

  @Test
  void buildWhenPersistentRefreshTokenStoreWithoutPepperThenRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServiceFixture.builder(clock).refreshTokenStore(new DelegatingRefreshStore())
            .build());
    assertTrue(e.getMessage().contains("secretPepper"), e.getMessage());
    ServiceFixture.builder(clock).refreshTokenStore(new DelegatingRefreshStore())
        .secretPepper(new byte[32]).build();
  }

  @Test
  void persistentWhenStoreDoesNotSayThenTrueAndInMemoryStoresFalse() {
    assertTrue(new DelegatingClientStore(true).persistent());
    assertTrue(new DelegatingRefreshStore().persistent());
    assertFalse(new InMemoryClientStore().persistent());
    assertFalse(new InMemoryRefreshTokenStore().persistent());
  }

  @Test
  void buildWhenStoresLeftUnsetThenOneWarningNamingExactlyThose() {
    DefaultTokenServiceBuilder b = ServiceFixture.builder(clock)
        .keyStore(new InMemorySigningKeyStore()).revocationStore(new InMemoryRevocationStore());
    assertEquals(List.of("clients", "refresh tokens"), b.inMemoryDefaults());
    try (LogCapture log = new LogCapture()) {
      b.build();
      List<String> lines = log.linesContaining(WARNING);
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).contains("WARN"), lines.get(0));
      assertTrue(lines.get(0).contains("clients, refresh tokens in memory"), lines.get(0));
    }
  }

  @Test
  void buildWhenEveryStoreGivenThenNoInMemoryWarning() {
    DefaultTokenServiceBuilder b = ServiceFixture.builder(clock)
        .keyStore(new InMemorySigningKeyStore()).clientStore(new InMemoryClientStore())
        .refreshTokenStore(new InMemoryRefreshTokenStore())
        .revocationStore(new InMemoryRevocationStore());
    assertEquals(List.of(), b.inMemoryDefaults());
    try (LogCapture log = new LogCapture()) {
      b.build();
      assertEquals(List.of(), log.linesContaining(WARNING));
    }
  }

  @Test
  void buildWhenNothingConfiguredThenAllFourNamed() {
    assertEquals(List.of("signing keys", "clients", "refresh tokens", "revocations"),
        ServiceFixture.builder(clock).inMemoryDefaults());
  }

  /** A store of our own over the in-memory one, answering {@code persistent()} as told. */
  private static final class DelegatingClientStore implements ClientStore {
    private final InMemoryClientStore delegate = new InMemoryClientStore();
    private final boolean saysPersistent;

    DelegatingClientStore(boolean saysPersistent) {
      this.saysPersistent = saysPersistent;
    }

    @Override
    public Optional<OAuthClient> findById(String clientId) {
      return delegate.findById(clientId);
    }

    @Override
    public List<OAuthClient> findAll() {
      return delegate.findAll();
    }

    @Override
    public void save(OAuthClient client) {
      delegate.save(client);
    }

    @Override
    public boolean delete(String clientId) {
      return delegate.delete(clientId);
    }

    @Override
    public boolean persistent() {
      return saysPersistent ? ClientStore.super.persistent() : false;
    }
  }

  /** A refresh-token store that keeps the SPI's default {@code persistent()}. */
  private static final class DelegatingRefreshStore implements RefreshTokenStore {
    private final InMemoryRefreshTokenStore delegate = new InMemoryRefreshTokenStore();

    @Override
    public void save(RefreshTokenRecord record) {
      delegate.save(record);
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
      return delegate.find(tokenHash);
    }

    @Override
    public ConsumeResult consume(String tokenHash, Instant now) {
      return delegate.consume(tokenHash, now);
    }

    @Override
    public void revokeFamily(String familyId, Instant now) {
      delegate.revokeFamily(familyId, now);
    }

    @Override
    public int purgeExpired(Instant cutoff) {
      return delegate.purgeExpired(cutoff);
    }
  }
}
