package io.admin.auth.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * Persists registered OAuth clients. Secrets are held only as hashes inside {@link OAuthClient}.
 * Thread-safe; throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing
 * store cannot be reached.
 */
public interface ClientStore {

  /**
   * The client with this id, or empty.
   *
   * @param clientId the {@code client_id} presented
   * @return the client, or empty when unknown
   */
  Optional<OAuthClient> findById(String clientId);

  /**
   * Every client (for metadata such as {@code scopes_supported}).
   *
   * @return every client; empty when there is none
   */
  List<OAuthClient> findAll();

  /**
   * Inserts or replaces the client with {@code client.clientId()}.
   *
   * @param client the client to store
   */
  void save(OAuthClient client);

  /**
   * Removes a client; {@code false} when it did not exist.
   *
   * @param clientId the client to remove
   * @return {@code true} when a client was removed
   */
  boolean delete(String clientId);

  /**
   * Whether what this store holds survives a restart of the process. If so, the token service
   * needs an explicit secret pepper: client secrets are stored as keyed hashes, and a pepper
   * drawn at random per process would make them unverifiable after a restart. The default,
   * {@code true}, is the safe answer for a store the library does not know; only a store that
   * loses its content with the process (such as the in-memory one) answers {@code false}.
   *
   * @return {@code true} unless the store loses its content with the process
   */
  default boolean persistent() {
    return true;
  }
}
