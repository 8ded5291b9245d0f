package io.admin.auth.benchmarks;

import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.interfaces.DecodedJWT;
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
 * Auth0 java-jwt verification on the same token as {@link VerifyBenchmark}; a separate class only because
 * java-jwt has no EdDSA, so its parameter list is RS256, ES256, HS256. Run it in the same JMH run as
 * {@link VerifyBenchmark} (regex {@code Verify}) so the ratio to the floor is from one run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class VerifyAuth0Benchmark {

    /** The Auth0 verifier, thread-safe once built. */
    @State(Scope.Benchmark)
    public static class Auth0 {
        /** JOSE algorithm name; EdDSA is not supported by java-jwt. */
        @Param({"RS256", "ES256", "HS256"})
        public String alg;
        /** The token to verify; tests replace it with hostile variants. */
        public String token;
        JWTVerifier verifier;

        /** Builds the verifier for the fixture of {@link #alg}. */
        @Setup
        public void setup() {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            token = f.token();
            verifier = PeerVerifiers.auth0Verifier(f);
        }
    }

    /**
     * Auth0 {@code JWTVerifier}: signature, iss, aud, exp, nbf, iat; typ compared afterwards (no typ requirement).
     *
     * @return the verified token
     */
    @Benchmark
    public DecodedJWT auth0JavaJwt(Auth0 s) {
        DecodedJWT jwt = s.verifier.verify(s.token);
        if (!TokenFixture.AT_JWT.getType().equals(jwt.getType())) {
            throw new IllegalStateException("typ is not at+jwt");
        }
        return jwt;
    }
}
