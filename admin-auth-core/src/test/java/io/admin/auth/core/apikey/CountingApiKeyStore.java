package io.admin.auth.core.apikey;

import io.admin.auth.core.spi.ApiKey;

import io.admin.auth.core.spi.ApiKeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a real store and counts lookups and last-used writes (the store stays real). */
final class CountingApiKeyStore implements ApiKeyStore {
  final ApiKeyStore delegate;
  final AtomicInteger lookups = new AtomicInteger();
  final AtomicInteger lastUsedWrites = new AtomicInteger();
  final AtomicInteger inserts = new AtomicInteger();
  volatile RuntimeException failLastUsed;
  /** Runs at the start of every last-used write, as uses that arrive while a flush is running. */
  volatile Runnable duringLastUsed;

  CountingApiKeyStore(ApiKeyStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean insert(ApiKey key) {
    inserts.incrementAndGet();
    return delegate.insert(key);
  }

  @Override
  public Optional<ApiKey> findById(String id) {
    lookups.incrementAndGet();
    return delegate.findById(id);
  }

  @Override
  public List<ApiKey> findByOwner(String owner) {
    return delegate.findByOwner(owner);
  }

  @Override
  public List<ApiKey> findAll() {
    return delegate.findAll();
  }

  @Override
  public Optional<ApiKey> rotate(String id, String newSecretHash, Instant previousValidUntil) {
    return delegate.rotate(id, newSecretHash, previousValidUntil);
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return delegate.revoke(id, at);
  }

  @Override
  public void recordLastUsed(Map<String, Instant> lastUsedById) {
    Runnable during = duringLastUsed;
    if (during != null) {
      during.run();
    }
    if (failLastUsed != null) {
      throw failLastUsed;
    }
    // Counted after the write: a test polling the count may then read the written value.
    delegate.recordLastUsed(lastUsedById);
    lastUsedWrites.incrementAndGet();
  }
}
