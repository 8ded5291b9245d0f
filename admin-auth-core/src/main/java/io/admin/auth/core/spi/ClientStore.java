package io.admin.auth.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * Persists registered OAuth clients. Secrets are held only as hashes inside {@link OAuthClient}.
 * Thread-safe; throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing
 * store cannot be reached.
 */
public interface ClientStore {

  /** The client with this id, or empty. */
  Optional<OAuthClient> findById(String clientId);

  /** Every client (for metadata such as {@code scopes_supported}). */
  List<OAuthClient> findAll();

  /** Inserts or replaces the client with {@code client.clientId()}. */
  void save(OAuthClient client);

  /** Removes a client; {@code false} when it did not exist. */
  boolean delete(String clientId);
}
