package io.admin.auth.core.issue;

import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.ConsentStore;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A person's remembered consents, to list and to withdraw (docs/http-contract.md, "Signing people
 * in": a consent "can be withdrawn"). Withdrawing forgets the consent, so the next sign-in at that
 * client asks again, and ends the grants the client already holds for the person through {@link
 * TokenService#revokeGrants}: its refresh tokens, and the access tokens issued from them. An
 * application offers this on its own account page, where it knows who is signed in; the library
 * serves no HTTP endpoint for it. Thread-safe when the store and the service are.
 */
public final class Consents {

  private final ConsentStore store;
  private final TokenService tokens;

  /**
   * Consents kept in {@code store} (the sign-in settings' consent store), grants ended by {@code
   * tokens}.
   *
   * @param store where consents are kept
   * @param tokens the service whose grants a withdrawal ends
   */
  public Consents(ConsentStore store, TokenService tokens) {
    this.store = Objects.requireNonNull(store, "store");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /**
   * What a withdrawal did.
   *
   * @param consentRemoved whether a remembered consent was forgotten ({@code false} when there was
   *     none, e.g. for a first-party client, whose grants are ended all the same)
   * @param grantsRevoked how many grants were revoked, or empty when the refresh-token store
   *     cannot list a person's grants: the client's refresh tokens then stay valid until they
   *     expire or are revoked one by one
   */
  public record Withdrawal(boolean consentRemoved, OptionalInt grantsRevoked) {
    /**
     * Requires the count (possibly empty).
     *
     * @param consentRemoved whether a consent was there to remove
     * @param grantsRevoked how many grants were revoked, or empty when the store cannot tell
     */
    public Withdrawal {
      Objects.requireNonNull(grantsRevoked, "grantsRevoked");
    }
  }

  /**
   * Every consent {@code subject} has given, ordered by client id.
   *
   * @param subject the person's id; required
   * @return the consents; empty when there are none
   */
  public List<Consent> of(String subject) {
    return store.findBySubject(Objects.requireNonNull(subject, "subject"));
  }

  /**
   * Withdraws {@code subject}'s consent to {@code clientId} and ends that client's grants for the
   * person. The consent goes first, so that no new code can be issued on its strength while the
   * grants are being revoked.
   *
   * @param subject the person's id; required
   * @param clientId the client; required
   * @return whether a consent was removed and how many grants ended
   * @throws io.admin.auth.core.AuthUnavailableException when a store cannot be reached
   */
  public Withdrawal withdraw(String subject, String clientId) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(clientId, "clientId");
    boolean removed = store.delete(subject, clientId);
    return new Withdrawal(removed, tokens.revokeGrants(subject, clientId));
  }
}
