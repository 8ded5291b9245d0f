package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.spi.SignInSessionStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link SignInSessionStore} in memory, for tests, development and single nodes. */
public final class InMemorySignInSessionStore implements SignInSessionStore {

  private final ConcurrentMap<String, SignInSession> sessions = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public void save(SignInSession session) {
    Objects.requireNonNull(session, "session");
    sessions.put(session.idHash(), session);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<SignInSession> find(String idHash) {
    return idHash == null ? Optional.empty() : Optional.ofNullable(sessions.get(idHash));
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(String idHash) {
    return idHash != null && sessions.remove(idHash) != null;
  }

  /** {@inheritDoc} */
  @Override
  public int purgeExpired(Instant cutoff) {
    int before = sessions.size();
    sessions.values().removeIf(s -> !s.expiresAt().isAfter(cutoff));
    return Math.max(0, before - sessions.size());
  }

  /** {@code false}: everything is lost with the process. */
  @Override
  public boolean persistent() {
    return false;
  }
}
