package io.admin.auth.core.issue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registered clients: registration (the secret is stored only as a keyed hash), secret
 * verification, and the scopes they may request.
 *
 * <p>Verification has one answer and one cost for an unknown client and a wrong secret: an
 * unknown client is compared against a dummy hash, so the same HMAC runs either way. A public
 * client has no secret: it is identified by its id alone ({@link #authenticatePublic}) and never
 * by a secret, not even an empty one matching its empty hash; a confidential client is never
 * identified by its id alone.
 */
final class ClientRegistry {

  private static final AuthError FAILED =
      AuthError.of(AuthErrorCode.AUTH_CLIENT_INVALID, "Client authentication failed.");
  private static final int MAX_INPUT_CHARS = 1024;

  private final ClientStore clients;
  private final SecretHasher hasher;
  private final String dummyHash;

  ClientRegistry(ClientStore clients, SecretHasher hasher, RandomTokens random) {
    this.clients = clients;
    this.hasher = hasher;
    this.dummyHash = hasher.hash(random.secret());
  }

  /** The client, or the uniform {@code AUTH_CLIENT_INVALID} failure. */
  ClientAuthentication authenticate(String clientId, String clientSecret) {
    if (clientId == null || clientSecret == null || clientId.length() > MAX_INPUT_CHARS
        || clientSecret.length() > MAX_INPUT_CHARS) {
      hasher.matches("", dummyHash);
      return new ClientAuthentication.Failed(FAILED);
    }
    Optional<OAuthClient> client = clients.findById(clientId).filter(c -> !c.isPublic());
    String stored = client.map(OAuthClient::secretHash).orElse(dummyHash);
    boolean ok = hasher.matches(clientSecret, stored);
    return ok && client.isPresent()
        ? new ClientAuthentication.Succeeded(client.get())
        : new ClientAuthentication.Failed(FAILED);
  }

  /**
   * The public client {@code clientId}, or the same {@code AUTH_CLIENT_INVALID} failure for an
   * unknown id and for a confidential client (which must prove itself with its secret). Both
   * cost one store read, like a public client's success.
   */
  ClientAuthentication authenticatePublic(String clientId) {
    if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_INPUT_CHARS) {
      return new ClientAuthentication.Failed(FAILED);
    }
    return clients.findById(clientId).filter(OAuthClient::isPublic)
        .<ClientAuthentication>map(ClientAuthentication.Succeeded::new)
        .orElse(new ClientAuthentication.Failed(FAILED));
  }

  /** Saves (or replaces) the client with its secret hashed; returns what was stored. */
  OAuthClient register(ClientRegistration r) {
    String hash = r.signIn().publicClient() ? "" : hasher.hash(r.clientSecret());
    OAuthClient client = new OAuthClient(r.clientId(), hash, r.allowedScopes(), r.grantTypes(),
        r.refreshTokenForClientCredentials(), r.accessTokenTtl(), r.refreshTokenTtl(),
        r.signIn());
    clients.save(client);
    return client;
  }

  /** Saves (or replaces) a client whose secret arrives already hashed; returns what was stored. */
  OAuthClient registerHashed(String clientId, String secretHash, Set<String> allowedScopes,
      Set<String> grantTypes, boolean refreshForClientCredentials, Duration accessTokenTtl,
      Duration refreshTokenTtl) {
    requireWellFormed(secretHash);
    return registerHashed(new OAuthClient(clientId, secretHash, allowedScopes, grantTypes,
        refreshForClientCredentials, accessTokenTtl, refreshTokenTtl));
  }

  /**
   * Saves (or replaces) a client whose secret arrives already hashed (a public client: no hash at
   * all), after the checks of {@link ClientRegistration}; returns what was stored.
   */
  OAuthClient registerHashed(OAuthClient c) {
    boolean isPublic = c.isPublic();
    if (!isPublic) {
      requireWellFormed(c.secretHash());
    }
    // One set of rules for every client: the registration record checks id, scopes, grants,
    // lifetimes and sign-in settings; its secret is a stand-in that is never hashed or stored.
    ClientRegistration checked = new ClientRegistration(c.clientId(),
        isPublic ? null : "x".repeat(ClientRegistration.MIN_SECRET_LENGTH), c.allowedScopes(),
        c.grantTypes(), c.refreshTokenForClientCredentials(), c.accessTokenTtl(),
        c.refreshTokenTtl(), c.signIn());
    OAuthClient client = new OAuthClient(checked.clientId(), c.secretHash(),
        checked.allowedScopes(), checked.grantTypes(), checked.refreshTokenForClientCredentials(),
        checked.accessTokenTtl(), checked.refreshTokenTtl(), checked.signIn());
    clients.save(client);
    return client;
  }

  private static void requireWellFormed(String secretHash) {
    if (!SecretHasher.isWellFormed(secretHash)) {
      throw new IllegalArgumentException("secretHash must be of the form "
          + SecretHasher.PREFIX + "<base64url of 32 bytes>");
    }
  }

  /** The registered client {@code clientId}, or empty. */
  Optional<OAuthClient> find(String clientId) {
    return clients.findById(clientId);
  }

  /** The union of every registered client's allowed scopes. */
  Set<String> scopesSupported() {
    Set<String> all = new TreeSet<>();
    clients.findAll().forEach(c -> all.addAll(c.allowedScopes()));
    return Set.copyOf(all);
  }
}
