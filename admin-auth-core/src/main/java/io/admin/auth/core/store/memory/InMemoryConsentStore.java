package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.ConsentStore;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link ConsentStore} in memory, for tests, development and single nodes. */
public final class InMemoryConsentStore implements ConsentStore {

  private record Key(String subject, String clientId) {}

  private final ConcurrentMap<Key, Consent> consents = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public Optional<Consent> find(String subject, String clientId) {
    if (subject == null || clientId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(consents.get(new Key(subject, clientId)));
  }

  /** {@inheritDoc} */
  @Override
  public List<Consent> findBySubject(String subject) {
    return consents.values().stream()
        .filter(c -> c.subject().equals(subject))
        .sorted(Comparator.comparing(Consent::clientId))
        .toList();
  }

  /** {@inheritDoc} */
  @Override
  public void save(Consent consent) {
    Objects.requireNonNull(consent, "consent");
    consents.put(new Key(consent.subject(), consent.clientId()), consent);
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(String subject, String clientId) {
    return subject != null && clientId != null
        && consents.remove(new Key(subject, clientId)) != null;
  }
}
