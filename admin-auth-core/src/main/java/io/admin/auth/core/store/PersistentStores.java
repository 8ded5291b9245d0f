package io.admin.auth.core.store;

import io.admin.auth.core.ratelimit.InMemoryFailureCountStore;
import io.admin.auth.core.spi.ApiKeyStore;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.ConsentStore;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.spi.FailureCountStore;
import io.admin.auth.core.spi.SignInSessionStore;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import io.admin.auth.core.store.memory.InMemorySignInSessionStore;
import java.util.Objects;

/**
 * Every store the library needs, opened together by a {@link PersistentStoreProvider} on one
 * database, and the handle that stops whatever background work they run (listeners, polls,
 * purges). Closing never closes the database itself: the {@code DataSource} stays its owner's.
 *
 * @param keyStore signing keys (private parts protected at rest by the provider)
 * @param clientStore registered OAuth clients
 * @param refreshTokenStore refresh tokens
 * @param revocationStore revoked token ids
 * @param apiKeyStore API keys
 * @param userStore Basic-auth users
 * @param failureCountStore brute-force failure counts, shared by every node on the database so
 *     that N nodes do not give an attacker N times the guesses
 * @param authorizationCodeStore authorization codes, redeemed once across every node
 * @param signInSessionStore people's sign-in sessions, continued by any node
 * @param consentStore people's consents to third-party clients
 * @param onClose stops the stores' background work; called once by {@link #close()}
 */
public record PersistentStores(SigningKeyStore keyStore, ClientStore clientStore,
    RefreshTokenStore refreshTokenStore, RevocationStore revocationStore, ApiKeyStore apiKeyStore,
    UserStore userStore, FailureCountStore failureCountStore,
    AuthorizationCodeStore authorizationCodeStore, SignInSessionStore signInSessionStore,
    ConsentStore consentStore, Runnable onClose)
    implements AutoCloseable {

  /**
   * Checks that every part is present.
   *
   * @param keyStore signing keys; required
   * @param clientStore registered OAuth clients; required
   * @param refreshTokenStore refresh tokens; required
   * @param revocationStore revoked token ids; required
   * @param apiKeyStore API keys; required
   * @param userStore Basic-auth users; required
   * @param failureCountStore brute-force failure counts, shared by every node; required
   * @param authorizationCodeStore authorization codes; required
   * @param signInSessionStore people's sign-in sessions; required
   * @param consentStore people's consents; required
   * @param onClose stops the stores' background work; required
   */
  public PersistentStores {
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(clientStore, "clientStore");
    Objects.requireNonNull(refreshTokenStore, "refreshTokenStore");
    Objects.requireNonNull(revocationStore, "revocationStore");
    Objects.requireNonNull(apiKeyStore, "apiKeyStore");
    Objects.requireNonNull(userStore, "userStore");
    Objects.requireNonNull(failureCountStore, "failureCountStore");
    Objects.requireNonNull(authorizationCodeStore, "authorizationCodeStore");
    Objects.requireNonNull(signInSessionStore, "signInSessionStore");
    Objects.requireNonNull(consentStore, "consentStore");
    Objects.requireNonNull(onClose, "onClose");
  }

  /**
   * Stores of a provider that keeps nothing of signing people in: codes, sessions and consents
   * then stay in memory, per node ({@code persistent()} is {@code false} on each, so wiring can
   * tell). On several nodes a code must then come back to the node that issued it.
   *
   * @param keyStore signing keys; required
   * @param clientStore registered OAuth clients; required
   * @param refreshTokenStore refresh tokens; required
   * @param revocationStore revoked token ids; required
   * @param apiKeyStore API keys; required
   * @param userStore Basic-auth users; required
   * @param failureCountStore brute-force failure counts, shared by every node; required
   * @param onClose stops the stores' background work; required
   */
  public PersistentStores(SigningKeyStore keyStore, ClientStore clientStore,
      RefreshTokenStore refreshTokenStore, RevocationStore revocationStore,
      ApiKeyStore apiKeyStore, UserStore userStore, FailureCountStore failureCountStore,
      Runnable onClose) {
    this(keyStore, clientStore, refreshTokenStore, revocationStore, apiKeyStore, userStore,
        failureCountStore, new InMemoryAuthorizationCodeStore(), new InMemorySignInSessionStore(),
        new InMemoryConsentStore(), onClose);
  }

  /**
   * Stores of a provider that keeps no failure counts: those then stay in memory, per node (an
   * {@link InMemoryFailureCountStore} of 100,000 keys), like the stores of signing people in.
   *
   * @param keyStore signing keys; required
   * @param clientStore registered OAuth clients; required
   * @param refreshTokenStore refresh tokens; required
   * @param revocationStore revoked token ids; required
   * @param apiKeyStore API keys; required
   * @param userStore Basic-auth users; required
   * @param onClose stops the stores' background work; required
   */
  public PersistentStores(SigningKeyStore keyStore, ClientStore clientStore,
      RefreshTokenStore refreshTokenStore, RevocationStore revocationStore,
      ApiKeyStore apiKeyStore, UserStore userStore, Runnable onClose) {
    this(keyStore, clientStore, refreshTokenStore, revocationStore, apiKeyStore, userStore,
        new InMemoryFailureCountStore(100_000), onClose);
  }

  /** Stops the stores' background work; the stores must not be used afterwards. */
  @Override
  public void close() {
    onClose.run();
  }
}
