package io.admin.auth.benchmarks;

import com.auth0.jwt.algorithms.Algorithm;
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
 * Auth0 java-jwt issuing the fixture's token; separate from {@link SignBenchmark} only because java-jwt has
 * no EdDSA. Run it in the same JMH run as {@link SignBenchmark} (regex {@code Sign}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SignAuth0Benchmark {

    /** The Auth0 algorithm object, thread-safe once built. */
    @State(Scope.Benchmark)
    public static class Auth0 {
        /** JOSE algorithm name; EdDSA is not supported by java-jwt. */
        @Param({"RS256", "ES256", "HS256"})
        public String alg;
        Algorithm algorithm;

        /** Builds the algorithm object for the fixture of {@link #alg}. */
        @Setup
        public void setup() {
            algorithm = PeerSigners.auth0Algorithm(TokenFixture.forAlgorithm(alg));
        }
    }

    /**
     * Auth0 {@code JWT.create()...sign()}.
     *
     * @return the compact token
     */
    @Benchmark
    public String auth0JavaJwt(Auth0 s) {
        return PeerSigners.auth0Sign(s.algorithm);
    }
}
