package io.admin.auth.benchmarks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves the Auth0 signing row issues a token the strict Nimbus processor accepts with the fixture claims. */
class SignAuth0BenchmarkTest {

    @ParameterizedTest
    @EnumSource(value = BenchAlgorithm.class, names = {"RS256", "ES256", "HS256"})
    void auth0WhenSignedThenStrictProcessorAcceptsFixtureClaims(BenchAlgorithm alg) throws Exception {
        SignAuth0Benchmark.Auth0 s = new SignAuth0Benchmark.Auth0();
        s.alg = alg.name();
        s.setup();
        String token = new SignAuth0Benchmark().auth0JavaJwt(s);
        SignBenchmarkTest.assertFixtureClaims(
                PeerVerifiers.nimbusProcessor(TokenFixture.forAlgorithm(alg.name())).process(token, null));
    }
}
