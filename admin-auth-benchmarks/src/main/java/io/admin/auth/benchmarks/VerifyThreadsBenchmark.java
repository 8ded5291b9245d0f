package io.admin.auth.benchmarks;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Contention check: one shared verifier (as in a server) called from one thread and from two, uncached and
 * on cache hits. JMH reports total ops/s over all threads, so the ratio of a {@code 2t} row to its
 * {@code 1t} row is the scaling (target at least 1.8 on this 2-core machine). Shared state on the path: the
 * engine pool and per-key maps in {@code JwsCrypto}, the signed-header memo, the cache map, the revocation
 * store. Each thread verifies its own string copy of the token (equal content, not the cached instance).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class VerifyThreadsBenchmark {

    /** One verifier with the cache, one without, shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** JOSE algorithm name: the default (RS256) and the cheapest signature (HS256). */
        @Param({"RS256", "HS256"})
        public String alg;
        /** The token's ASCII bytes. */
        public byte[] tokenBytes;
        AccessTokenVerifier uncached;
        AccessTokenVerifier cached;

        /** Builds both verifiers and fills the cache. */
        @Setup
        public void setup() {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            tokenBytes = f.token().getBytes(StandardCharsets.US_ASCII);
            uncached = Ours.verifier(f).cacheEnabled(false).build();
            cached = Ours.verifier(f).build();
            if (!(cached.verify(f.token()) instanceof AuthOutcome.Authenticated)) {
                throw new IllegalStateException("fixture token rejected");
            }
        }

    }

    /** Each thread's own copy of the token: equal to the cached one, never the same instance. */
    @State(Scope.Thread)
    public static class Request {
        String token;

        /** Copies the shared token. */
        @Setup
        public void setup(Shared shared) {
            token = new String(shared.tokenBytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** @return the outcome of an uncached verification, one thread */
    @Benchmark
    @Threads(1)
    public AuthOutcome uncached1t(Shared s, Request r) {
        return s.uncached.verify(r.token);
    }

    /** @return the outcome of an uncached verification, two threads sharing the verifier */
    @Benchmark
    @Threads(2)
    public AuthOutcome uncached2t(Shared s, Request r) {
        return s.uncached.verify(r.token);
    }

    /** @return the outcome of a cache hit, one thread */
    @Benchmark
    @Threads(1)
    public AuthOutcome cacheHit1t(Shared s, Request r) {
        return s.cached.verify(r.token);
    }

    /** @return the outcome of a cache hit, two threads sharing the verifier */
    @Benchmark
    @Threads(2)
    public AuthOutcome cacheHit2t(Shared s, Request r) {
        return s.cached.verify(r.token);
    }
}
