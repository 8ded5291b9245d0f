package io.admin.auth.core.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** How an application wires the core by hand: the whole client_credentials round trip. */
class EmbeddingExampleTest {

  @Test
  void clientCredentialsRoundTrip() {
    SecureRandom random = new SecureRandom();
    byte[] pepper = new byte[32]; // in production: from a secret manager, stable across restarts
    random.nextBytes(pepper);

    DefaultTokenService tokens = DefaultTokenService.builder()
        .issuer("https://auth.example.com")
        .signingAlgorithm(SigningAlgorithm.ES256)
        .secretPepper(pepper)
        .random(random)
        .build();

    String secret = new RandomTokens(random).secret(); // shown to the client once
    tokens.registerClient(ClientRegistration.of("billing-service", secret, Set.of("users:read")));

    ClientAuthentication auth = tokens.authenticateClient("billing-service", secret);
    var client = assertInstanceOf(ClientAuthentication.Succeeded.class, auth).client();
    TokenResult result = tokens.clientCredentials(client, Optional.of("users:read"));
    String accessToken = assertInstanceOf(TokenResult.Issued.class, result).response().accessToken();

    AuthOutcome outcome = tokens.verify(accessToken);
    AuthPrincipal caller = assertInstanceOf(AuthOutcome.Authenticated.class, outcome).principal();
    assertEquals("billing-service", caller.subject());

    // Optional: rotate keys and purge revocations in the background instead of lazily on use.
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      tokens.scheduleMaintenance(executor, java.time.Duration.ofMinutes(5)).cancel(false);
    } finally {
      executor.shutdownNow();
    }
  }
}
