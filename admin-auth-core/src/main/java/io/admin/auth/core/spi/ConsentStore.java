package io.admin.auth.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * Remembers consents per person and client. Thread-safe, also across nodes sharing the store;
 * throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing store cannot be
 * reached.
 */
public interface ConsentStore {

  /** The consent {@code subject} gave {@code clientId}, or empty. */
  Optional<Consent> find(String subject, String clientId);

  /** Every consent of {@code subject}, ordered by client id. */
  List<Consent> findBySubject(String subject);

  /** Stores the consent, replacing the one of the same person and client. */
  void save(Consent consent);

  /** Withdraws the consent; {@code false} when there was none. */
  boolean delete(String subject, String clientId);
}
