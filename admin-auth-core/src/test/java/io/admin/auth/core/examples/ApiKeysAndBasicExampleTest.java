package io.admin.auth.core.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.apikey.IssuedApiKey;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an application wires API keys, Basic and brute-force throttling without the servlet module. */
class ApiKeysAndBasicExampleTest {

  @Test
  void wiringAsAnApplicationWouldThenBothSchemesAuthenticate() {
    SecureRandom random = new SecureRandom();
    byte[] pepper = new byte[32];
    random.nextBytes(pepper); // in production: loaded from a secret manager, stable across restarts
    SecretHasher secrets = SecretHasher.withPepper(pepper);
    Clock clock = Clock.systemUTC();

    ApiKeyService apiKeys = ApiKeyService.builder()
        .store(new InMemoryApiKeyStore()).hasher(secrets).clock(clock).random(random).build();
    IssuedApiKey issued = apiKeys.create("ci-client", "ci-bot", Set.of("users:read"), Duration.ofDays(30));
    assertInstanceOf(AuthOutcome.Authenticated.class, apiKeys.authenticate(issued.key()));

    InMemoryUserStore users = new InMemoryUserStore();
    // Argon2Params.OWASP (PasswordHasher.owasp) in production; cheap parameters keep the example fast.
    PasswordHasher passwords = PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);
    users.save(new User("demo", passwords.hash("demo-password"), Set.of("users:read"), false));
    BasicAuthenticator basic = BasicAuthenticator.builder()
        .users(users).hasher(passwords).cacheKeyHasher(secrets).clock(clock).random(random).build();
    FailureThrottle perUser = FailureThrottle.builder().clock(clock).build();

    String user = "demo";
    RateLimitDecision gate = perUser.check("user:" + user);
    AuthOutcome outcome = gate.allowed() ? basic.authenticate(user, "wrong") : null;
    if (outcome instanceof AuthOutcome.Rejected) {
      perUser.recordFailure("user:" + user);
    }
    assertInstanceOf(AuthOutcome.Rejected.class, outcome);
    assertInstanceOf(AuthOutcome.Authenticated.class, basic.authenticate(user, "demo-password"));
    perUser.reset("user:" + user);
    assertEquals(0, perUser.size());
  }
}
