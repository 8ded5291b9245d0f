package io.admin.auth.devserver;

import io.admin.auth.core.crypto.RandomTokens;
import java.util.Objects;

/**
 * The demo client and Basic user the dev server seeds: from the configuration, or generated.
 *
 * @param clientId the demo client's id
 * @param clientSecret its secret
 * @param clientSecretGenerated whether the secret was generated (and so must be printed)
 * @param user the demo Basic user's name
 * @param password the user's password
 * @param passwordGenerated whether the password was generated (and so must be printed)
 */
public record DevCredentials(String clientId, String clientSecret, boolean clientSecretGenerated,
    String user, String password, boolean passwordGenerated) {

  public DevCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  static DevCredentials from(DevServerConfig config, RandomTokens random) {
    String secret = config.demoClientSecret().orElse(null);
    String password = config.demoPassword().orElse(null);
    return new DevCredentials(config.demoClientId(),
        secret != null ? secret : random.secret(), secret == null,
        config.demoUser(),
        // 18 bytes: 24 base64url characters, 144 bits; typed by hand more often than the secret.
        password != null ? password : random.next(18), password == null);
  }

  /** Never prints the secret or the password. */
  @Override
  public String toString() {
    return "DevCredentials[clientId=" + clientId + ", clientSecret=**********, user=" + user
        + ", password=**********]";
  }
}
