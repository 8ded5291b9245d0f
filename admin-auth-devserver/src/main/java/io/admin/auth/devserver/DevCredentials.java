package io.admin.auth.devserver;

import io.admin.auth.core.crypto.RandomTokens;
import java.util.Objects;

/**
 * The demo client, Basic user and third-party sign-in client the dev server seeds: from the
 * configuration, or generated.
 *
 * @param clientId the demo client's id
 * @param clientSecret its secret
 * @param clientSecretGenerated whether the secret was generated (and so must be printed)
 * @param user the demo Basic user's name
 * @param password the user's password
 * @param passwordGenerated whether the password was generated (and so must be printed)
 * @param partnerId the third-party sign-in client's id ({@code demo-partner})
 * @param partnerSecret its secret
 * @param partnerSecretGenerated whether that secret was generated (and so must be printed)
 */
public record DevCredentials(String clientId, String clientSecret, boolean clientSecretGenerated,
    String user, String password, boolean passwordGenerated, String partnerId,
    String partnerSecret, boolean partnerSecretGenerated) {

  public DevCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(partnerSecret, "partnerSecret");
  }

  static DevCredentials from(DevServerConfig config, RandomTokens random) {
    String secret = config.demoClientSecret().orElse(null);
    String password = config.demoPassword().orElse(null);
    String partnerSecret = config.signInClients().partnerSecret().orElse(null);
    return new DevCredentials(config.demoClientId(),
        secret != null ? secret : random.secret(), secret == null,
        config.demoUser(),
        // 18 bytes: 24 base64url characters, 144 bits; typed by hand more often than the secret.
        password != null ? password : random.next(18), password == null,
        config.signInClients().partnerId(),
        partnerSecret != null ? partnerSecret : random.secret(), partnerSecret == null);
  }

  /** Never prints the secret or the password. */
  @Override
  public String toString() {
    return "DevCredentials[clientId=" + clientId + ", clientSecret=**********, user=" + user
        + ", password=**********, partnerId=" + partnerId + ", partnerSecret=**********]";
  }
}
