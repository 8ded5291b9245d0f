package io.admin.auth.benchmarks;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * API key verification and cached Basic verification (targets: API key below 2 µs median, cached
 * Basic below 5 µs), as sampled latencies so the report can give medians (p0.50) and tails. Both go through
 * the in-memory stores and the production code paths (peppered HMAC-SHA-256, constant-time compare,
 * last-used recording for API keys); Basic's password hash is Argon2id with the OWASP parameters, paid once
 * in setup, so every measured call is a cache hit.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CredentialBenchmark {

    /** The user's password (benchmark only). */
    public static final String PASSWORD = "correct horse battery staple";

    /** Services and credentials, built once; both services are thread-safe. */
    @State(Scope.Benchmark)
    public static class Credentials {
        ApiKeyService apiKeys;
        /** The issued API key as a client presents it. */
        public byte[] apiKey;
        BasicAuthenticator basic;

        /** Issues one API key and stores one user, then authenticates the user once to fill the cache. */
        @Setup
        public void setup() {
            SecureRandom random = new SecureRandom();
            byte[] pepper = new byte[32];
            random.nextBytes(pepper);
            SecretHasher hasher = SecretHasher.withPepper(pepper);
            Clock clock = Clock.fixed(Ours.NOW, ZoneOffset.UTC);
            apiKeys = ApiKeyService.builder().store(new InMemoryApiKeyStore()).hasher(hasher).clock(clock)
                    .random(random).build();
            apiKey = apiKeys.create("owner-1", "ci-bot", Set.of("users:read"), Duration.ofDays(30)).key()
                    .getBytes(StandardCharsets.US_ASCII);
            InMemoryUserStore users = new InMemoryUserStore();
            PasswordHasher passwords = PasswordHasher.owasp(random);
            users.save(new User("demo", passwords.hash(PASSWORD), Set.of("users:read"), false));
            basic = BasicAuthenticator.builder().users(users).hasher(passwords).cacheKeyHasher(hasher).clock(clock)
                    .random(random).cacheTtl(Duration.ofHours(1)).build();
            if (!(basic.authenticate("demo", PASSWORD) instanceof AuthOutcome.Authenticated)
                    || !(apiKeys.authenticate(new String(apiKey, StandardCharsets.US_ASCII))
                            instanceof AuthOutcome.Authenticated)) {
                throw new IllegalStateException("credentials not accepted");
            }
        }
    }

    /**
     * One API key verification from the header value (a fresh string, as a container hands it over).
     *
     * @return the outcome (authenticated)
     */
    @Benchmark
    public AuthOutcome apiKey(Credentials s) {
        return s.apiKeys.authenticate(new String(s.apiKey, StandardCharsets.US_ASCII));
    }

    /**
     * One Basic verification answered from the verification cache (no Argon2).
     *
     * @return the outcome (authenticated)
     */
    @Benchmark
    public AuthOutcome basicCached(Credentials s) {
        return s.basic.authenticate("demo", new String(PASSWORD.toCharArray()));
    }
}
