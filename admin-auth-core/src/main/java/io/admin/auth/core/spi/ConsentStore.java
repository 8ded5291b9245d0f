package io.admin.auth.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * Remembers consents per person and client. Thread-safe, also across nodes sharing the store;
 * throws {@link io.admin.auth.core.AuthUnavailableException} only when the backing store cannot be
 * reached.
 */
public interface ConsentStore {

  /**
   * The consent {@code subject} gave {@code clientId}, or empty.
   *
   * @param subject the person's id
   * @param clientId the client id
   * @return the consent, or empty when none was given
   */
  Optional<Consent> find(String subject, String clientId);

  /**
   * Every consent of {@code subject}, ordered by client id.
   *
   * @param subject the person's id
   * @return the consents; empty when there are none
   */
  List<Consent> findBySubject(String subject);

  /**
   * Stores the consent, replacing the one of the same person and client.
   *
   * @param consent the consent to store
   */
  void save(Consent consent);

  /**
   * Withdraws the consent; {@code false} when there was none.
   *
   * @param subject the person's id
   * @param clientId the client id
   * @return {@code true} when a consent was removed
   */
  boolean delete(String subject, String clientId);
}
