package io.admin.auth.testkit.server;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.KeyStore;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryKeyStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stores the dev server runs on, opened for a {@link StoreChoice}, and what the user should
 * be told about them.
 *
 * @param keys signing keys
 * @param clients registered clients
 * @param refreshTokens refresh tokens
 * @param revocations revoked access tokens and families
 * @param users Basic users
 * @param secretPepper the pepper for client-secret and refresh-token hashes; required by the core
 *     for persistent stores (it must survive restarts with them), empty for in-memory stores
 * @param notices lines printed as {@code NOTICE:} in the start banner
 * @param onClose releases connections and files when the server stops
 */
public record DevStorage(KeyStore keys, ClientStore clients, RefreshTokenStore refreshTokens,
    RevocationStore revocations, UserStore users, Optional<byte[]> secretPepper,
    List<String> notices, Runnable onClose) {

  public DevStorage {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(refreshTokens, "refreshTokens");
    Objects.requireNonNull(revocations, "revocations");
    Objects.requireNonNull(users, "users");
    secretPepper = secretPepper.map(byte[]::clone);
    notices = List.copyOf(notices);
    Objects.requireNonNull(onClose, "onClose");
  }

  /** Fresh in-memory stores: nothing survives a restart. */
  public static DevStorage inMemory(List<String> notices) {
    return new DevStorage(new InMemoryKeyStore(), new InMemoryClientStore(),
        new InMemoryRefreshTokenStore(), new InMemoryRevocationStore(), new InMemoryUserStore(),
        Optional.empty(), notices, () -> { });
  }

  /**
   * Opens the stores for a {@link StoreChoice}. This is the seam where a JDBC module plugs in:
   * {@link #inMemoryOnly()} is what this build can do.
   */
  @FunctionalInterface
  public interface Provider {

    /**
     * The stores for {@code choice}, or empty when this build cannot provide them (the server
     * then refuses to start, naming {@code ADMIN_AUTH_STORE}).
     *
     * @throws io.admin.auth.core.AuthUnavailableException when the database cannot be reached
     */
    Optional<DevStorage> open(StoreChoice choice);
  }

  /**
   * In-memory stores for {@code memory}; for the default embedded file store, in-memory stores
   * with a notice, until the JDBC module provides the file-backed one; nothing for a JDBC URL
   * (asked for by name, silently keeping nothing would be a surprise).
   */
  public static Provider inMemoryOnly() {
    return choice -> {
      if (choice instanceof StoreChoice.Memory) {
        return Optional.of(inMemory(List.of()));
      }
      if (choice instanceof StoreChoice.EmbeddedFile) {
        return Optional.of(inMemory(List.of("the embedded file store is not in this build yet;"
            + " using in-memory stores: keys, clients and tokens are lost on restart"
            + " (--store memory hides this notice)")));
      }
      return Optional.empty();
    };
  }

  /** Never prints the pepper. */
  @Override
  public String toString() {
    return "DevStorage[keys=" + keys.getClass().getSimpleName() + ", notices=" + notices + "]";
  }
}
