package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves the Auth0 row accepts the fixture token and enforces typ, iss and aud. */
class VerifyAuth0BenchmarkTest {

    private final VerifyAuth0Benchmark bench = new VerifyAuth0Benchmark();

    private static VerifyAuth0Benchmark.Auth0 state(BenchAlgorithm alg) {
        VerifyAuth0Benchmark.Auth0 s = new VerifyAuth0Benchmark.Auth0();
        s.alg = alg.name();
        s.setup();
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = BenchAlgorithm.class, names = {"RS256", "ES256", "HS256"})
    void auth0WhenFixtureTokenThenAccepted(BenchAlgorithm alg) {
        assertEquals(TokenFixture.SUBJECT, bench.auth0JavaJwt(state(alg)).getSubject());
    }

    @ParameterizedTest
    @EnumSource(value = BenchAlgorithm.class, names = {"RS256", "ES256", "HS256"})
    void auth0WhenTypIsJwtThenRejected(BenchAlgorithm alg) throws Exception {
        VerifyAuth0Benchmark.Auth0 s = state(alg);
        s.token = VerifyBenchmarkTest.mint(alg, h -> new JWSHeader.Builder(h).type(JOSEObjectType.JWT).build(),
                UnaryOperator.identity());
        assertThrows(IllegalStateException.class, () -> bench.auth0JavaJwt(s));
    }

    @ParameterizedTest
    @EnumSource(value = BenchAlgorithm.class, names = {"RS256", "ES256", "HS256"})
    void auth0WhenIssuerOrAudienceOtherThenRejected(BenchAlgorithm alg) throws Exception {
        VerifyAuth0Benchmark.Auth0 s = state(alg);
        s.token = VerifyBenchmarkTest.mint(alg, UnaryOperator.identity(),
                c -> new JWTClaimsSet.Builder(c).issuer("https://evil.example").build());
        assertThrows(com.auth0.jwt.exceptions.IncorrectClaimException.class, () -> bench.auth0JavaJwt(s));
        s.token = VerifyBenchmarkTest.mint(alg, UnaryOperator.identity(),
                c -> new JWTClaimsSet.Builder(c).audience("https://other.example").build());
        assertThrows(com.auth0.jwt.exceptions.IncorrectClaimException.class, () -> bench.auth0JavaJwt(s));
    }

    @Test
    void setupWhenEdDsaThenUnsupported() {
        VerifyAuth0Benchmark.Auth0 s = new VerifyAuth0Benchmark.Auth0();
        s.alg = "EdDSA";
        assertThrows(UnsupportedOperationException.class, s::setup);
    }
}
