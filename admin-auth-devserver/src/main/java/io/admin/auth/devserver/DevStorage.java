package io.admin.auth.devserver;

import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.ConsentStore;
import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import io.admin.auth.core.store.memory.InMemorySignInSessionStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
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
 * @param apiKeys API keys
 * @param users Basic users, who are also the people the login page signs in
 * @param authorizationCodes authorization codes of the sign-in flow
 * @param signInSessions people's sign-in sessions
 * @param consents people's consents to the third-party client
 * @param secretPepper the pepper for client-secret and refresh-token hashes; required by the core
 *     for persistent stores (it must survive restarts with them), empty for in-memory stores
 * @param notices lines printed as {@code NOTICE:} in the start banner
 * @param onClose releases connections and files when the server stops
 */
public record DevStorage(SigningKeyStore keys, ClientStore clients, RefreshTokenStore refreshTokens,
    RevocationStore revocations, ApiKeyStore apiKeys, UserStore users,
    AuthorizationCodeStore authorizationCodes, SignInSessionStore signInSessions,
    ConsentStore consents, Optional<byte[]> secretPepper,
    List<String> notices, Runnable onClose) {

  public DevStorage {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(refreshTokens, "refreshTokens");
    Objects.requireNonNull(revocations, "revocations");
    Objects.requireNonNull(apiKeys, "apiKeys");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(authorizationCodes, "authorizationCodes");
    Objects.requireNonNull(signInSessions, "signInSessions");
    Objects.requireNonNull(consents, "consents");
    secretPepper = secretPepper.map(byte[]::clone);
    notices = List.copyOf(notices);
    Objects.requireNonNull(onClose, "onClose");
  }

  /** Fresh in-memory stores: nothing survives a restart. */
  public static DevStorage inMemory(List<String> notices) {
    return new DevStorage(new InMemorySigningKeyStore(), new InMemoryClientStore(),
        new InMemoryRefreshTokenStore(), new InMemoryRevocationStore(), new InMemoryApiKeyStore(),
        new InMemoryUserStore(), new InMemoryAuthorizationCodeStore(),
        new InMemorySignInSessionStore(), new InMemoryConsentStore(), Optional.empty(), notices, () -> { });
  }

  /** Opens the stores for a {@link StoreChoice}: the seam between the dev server and storage. */
  @FunctionalInterface
  public interface Provider {

    /**
     * The stores for {@code choice}.
     *
     * @throws IllegalArgumentException when this provider cannot serve {@code choice} (the server
     *     refuses to start with status 2, naming {@code ADMIN_AUTH_STORE})
     * @throws RuntimeException when the database cannot be opened (status 1)
     */
    DevStorage open(StoreChoice choice);
  }

  /**
   * The default: in-memory stores for {@code memory}, an embedded H2 file in the data folder by
   * default, PostgreSQL or H2 at a JDBC URL. {@code env} may hold {@code ADMIN_AUTH_KEK} and
   * {@code ADMIN_AUTH_PEPPER}; without them both are kept in the data folder.
   */
  public static Provider standard(Map<String, String> env) {
    return standard(env, DevServerConfig.DEFAULT_DATA_DIR);
  }

  /**
   * As {@link #standard(Map)}, keeping the embedded store and any generated key-encryption key and
   * pepper in {@code dataDir}.
   */
  public static Provider standard(Map<String, String> env, Path dataDir) {
    return new JdbcDevStorage(dataDir, env, new SecureRandom());
  }

  /** Only {@code memory}: refuses persistent choices. */
  public static Provider inMemoryOnly() {
    return choice -> {
      if (choice instanceof StoreChoice.Memory) {
        return inMemory(List.of());
      }
      throw new IllegalArgumentException(choice.describe() + " is not available here;"
          + " use --store memory");
    };
  }

  /** Never prints the pepper. */
  @Override
  public String toString() {
    return "DevStorage[keys=" + keys.getClass().getSimpleName() + ", notices=" + notices + "]";
  }
}
