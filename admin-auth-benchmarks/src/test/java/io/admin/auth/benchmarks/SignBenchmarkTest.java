package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves every row of the sign table issues a token the strict Nimbus processor accepts with the fixture claims. */
class SignBenchmarkTest {

    private final SignBenchmark bench = new SignBenchmark();

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void jcaFloorWhenSignedThenSignatureVerifiesOnFixtureInput(BenchAlgorithm alg) throws Exception {
        SignBenchmark.Floor s = new SignBenchmark.Floor();
        s.alg = alg.name();
        s.setup();
        VerifyBenchmark.Floor v = new VerifyBenchmark.Floor();
        v.alg = alg.name();
        v.setup();
        v.encodedSignature = bench.jcaFloor(s);
        org.junit.jupiter.api.Assertions.assertTrue(new VerifyBenchmark().jcaFloor(v));
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void peersWhenSignedThenStrictProcessorAcceptsFixtureClaims(BenchAlgorithm alg) throws Exception {
        SignBenchmark.Peers s = new SignBenchmark.Peers();
        s.alg = alg.name();
        s.setup();
        DefaultJWTProcessor<SecurityContext> strict = PeerVerifiers.nimbusProcessor(s.fixture);

        assertFixtureClaims(strict.process(bench.nimbus(s), null));
        assertFixtureClaims(strict.process(bench.jjwt(s), null));
    }

    static void assertFixtureClaims(JWTClaimsSet claims) throws Exception {
        assertEquals(TokenFixture.SUBJECT, claims.getSubject());
        assertEquals(TokenFixture.CLIENT_ID, claims.getStringClaim("client_id"));
        assertEquals(TokenFixture.SCOPE, claims.getStringClaim("scope"));
        assertEquals(TokenFixture.JWT_ID, claims.getJWTID());
        assertEquals(TokenFixture.ISSUED_AT, claims.getNotBeforeTime().toInstant());
    }
}
