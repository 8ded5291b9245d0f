package io.admin.auth.benchmarks;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.micrometer.AdminAuthMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What metrics cost on the hottest path: a verified-token cache hit (as {@code
 * VerifyBenchmark.oursCacheHit}) with a no-op observer and with {@link AdminAuthMetrics} on a
 * {@link SimpleMeterRegistry}, alone and followed by the authentication timer the filter records
 * per request. Report the Micrometer rows as a ratio to the no-op ones of the same run; run with
 * {@code -prof gc} to see that the observer adds no allocation per operation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class ObserverBenchmark {

    /** A verifier with the fixture token cached, observed by a no-op or by Micrometer. */
    @State(Scope.Benchmark)
    public static class Observed {
        /** {@code noop} or {@code micrometer}. */
        @Param({"noop", "micrometer"})
        public String observer;
        /** The token as the request carries it. */
        public String token;
        AuthObserver sink;
        AccessTokenVerifier verifier;

        /** Builds the verifier and verifies (a copy of) the token once so that it is cached. */
        @Setup
        public void setup() {
            TokenFixture f = TokenFixture.forAlgorithm("ES256");
            sink = "noop".equals(observer) ? AuthObserver.noop()
                    : AdminAuthMetrics.bindTo(new SimpleMeterRegistry());
            verifier = Ours.verifier(f).observer(sink).build();
            if (!(verifier.verify(new String(f.token().toCharArray())) instanceof AuthOutcome.Authenticated)) {
                throw new IllegalStateException("fixture token not accepted");
            }
            token = new String(f.token().toCharArray());
            // Registers the timer, as the first request would.
            sink.authentication("bearer", null, 1L);
        }
    }

    /**
     * A cache hit, told to the observer.
     *
     * @return the outcome (authenticated)
     */
    @Benchmark
    public AuthOutcome cacheHit(Observed s) {
        return s.verifier.verify(s.token);
    }

    /**
     * A cache hit and the filter's authentication timer, with a constant duration (the filter's
     * two {@code System.nanoTime()} calls are the same with either observer).
     *
     * @return the outcome (authenticated)
     */
    @Benchmark
    public AuthOutcome cacheHitAndTimer(Observed s) {
        AuthOutcome outcome = s.verifier.verify(s.token);
        s.sink.authentication("bearer", null, 1_000L);
        return outcome;
    }
}
