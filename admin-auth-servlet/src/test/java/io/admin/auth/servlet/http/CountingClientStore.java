package io.admin.auth.servlet.http;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The real in-memory client store, counting the reads that go through it. */
final class CountingClientStore implements ClientStore {

  private final ClientStore delegate = new InMemoryClientStore();
  private final AtomicInteger findAll = new AtomicInteger();
  private final AtomicInteger findById = new AtomicInteger();

  /** How often every client was read. */
  int findAllCalls() {
    return findAll.get();
  }

  /** How often one client was read. */
  int findByIdCalls() {
    return findById.get();
  }

  @Override
  public Optional<OAuthClient> findById(String clientId) {
    findById.incrementAndGet();
    return delegate.findById(clientId);
  }

  @Override
  public List<OAuthClient> findAll() {
    findAll.incrementAndGet();
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
    return delegate.persistent();
  }
}
