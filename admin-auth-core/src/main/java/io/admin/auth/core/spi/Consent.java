package io.admin.auth.core.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's consent that a (third-party) client may act with some scopes. Immutable.
 *
 * @param subject the person's id
 * @param clientId the client
 * @param scopes the scopes consented to; a later request for scopes within them needs no new
 *     consent
 * @param grantedAt when the consent was (last) given
 */
public record Consent(String subject, String clientId, Set<String> scopes, Instant grantedAt) {

  /**
   * Requires subject, client and instant, and freezes a sorted copy of the scopes.
   *
   * @param subject the person's id; required
   * @param clientId the client; required
   * @param scopes the scopes consented to; {@code null} means none
   * @param grantedAt when the consent was (last) given; required
   */
  public Consent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(grantedAt, "grantedAt");
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
  }

  /**
   * Whether this consent covers every scope in {@code requested}.
   *
   * @param requested the scopes a request asks for
   * @return {@code true} when no new consent is needed for them
   */
  public boolean covers(Set<String> requested) {
    return scopes.containsAll(requested);
  }
}
