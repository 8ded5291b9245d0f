package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ClientStore} in memory. */
public final class InMemoryClientStore implements ClientStore {

  private final ConcurrentMap<String, OAuthClient> clients = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public Optional<OAuthClient> findById(String clientId) {
    return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
  }

  /** {@inheritDoc} */
  @Override
  public List<OAuthClient> findAll() {
    return List.copyOf(clients.values());
  }

  /** {@inheritDoc} */
  @Override
  public void save(OAuthClient client) {
    Objects.requireNonNull(client, "client");
    clients.put(client.clientId(), client);
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(String clientId) {
    return clients.remove(clientId) != null;
  }

  /** {@code false}: everything is lost with the process. */
  @Override
  public boolean persistent() {
    return false;
  }
}
