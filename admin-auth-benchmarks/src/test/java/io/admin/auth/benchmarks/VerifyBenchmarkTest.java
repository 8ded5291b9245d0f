package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves every row of the verify table accepts the fixture token and enforces the checks it claims to. */
class VerifyBenchmarkTest {

    private final VerifyBenchmark bench = new VerifyBenchmark();

    private static VerifyBenchmark.Peers peers(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Peers p = new VerifyBenchmark.Peers();
        p.alg = alg.name();
        p.setup();
        return p;
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void jcaFloorWhenFixtureSignatureThenTrue(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Floor f = new VerifyBenchmark.Floor();
        f.alg = alg.name();
        f.setup();
        assertTrue(bench.jcaFloor(f));
        assertTrue(bench.jcaFloor(f), "JCA object must be reusable across invocations");
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void jcaFloorWhenSignatureTamperedThenFalse(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Floor f = new VerifyBenchmark.Floor();
        f.alg = alg.name();
        f.setup();
        f.encodedSignature = tamper(f.encodedSignature);
        assertFalse(bench.jcaFloor(f));
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void peersWhenFixtureTokenThenAcceptedWithSubject(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Peers p = peers(alg);
        assertTrue(bench.nimbusSignedJwt(p));
        assertEquals(TokenFixture.SUBJECT, bench.nimbusProcessor(p).getSubject());
        assertEquals(TokenFixture.SUBJECT, bench.jjwt(p).getSubject());
        assertEquals(TokenFixture.SUBJECT, bench.springNimbusJwtDecoder(p).getSubject());
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void peersWhenSignatureTamperedThenRejected(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Peers p = peers(alg);
        String token = p.token;
        p.token = token.substring(0, token.lastIndexOf('.') + 1) + tamper(token.substring(token.lastIndexOf('.') + 1));
        assertFalse(bench.nimbusSignedJwt(p));
        assertRejectedByClaimCheckingPeers(p);
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void peersWhenTypIsJwtThenRejected(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Peers p = peers(alg);
        p.token = mint(alg, h -> new JWSHeader.Builder(h).type(JOSEObjectType.JWT).build(), UnaryOperator.identity());
        assertRejectedByClaimCheckingPeers(p);
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void peersWhenAudienceIsOtherThenRejected(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Peers p = peers(alg);
        p.token = mint(alg, UnaryOperator.identity(),
                c -> new JWTClaimsSet.Builder(c).audience(List.of("https://other.example")).build());
        assertRejectedByClaimCheckingPeers(p);
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void peersWhenIssuerIsOtherThenRejected(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Peers p = peers(alg);
        p.token = mint(alg, UnaryOperator.identity(),
                c -> new JWTClaimsSet.Builder(c).issuer("https://evil.example").build());
        assertRejectedByClaimCheckingPeers(p);
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void peersWhenExpiredThenRejected(BenchAlgorithm alg) throws Exception {
        VerifyBenchmark.Peers p = peers(alg);
        p.token = mint(alg, UnaryOperator.identity(),
                c -> new JWTClaimsSet.Builder(c).expirationTime(Date.from(TokenFixture.ISSUED_AT.plusSeconds(300))).build());
        assertRejectedByClaimCheckingPeers(p);
    }

    private void assertRejectedByClaimCheckingPeers(VerifyBenchmark.Peers p) {
        assertThrows(Exception.class, () -> bench.nimbusProcessor(p), "nimbusProcessor");
        assertThrows(Exception.class, () -> bench.jjwt(p), "jjwt");
        assertThrows(Exception.class, () -> bench.springNimbusJwtDecoder(p), "spring");
    }

    static String mint(BenchAlgorithm alg, UnaryOperator<JWSHeader> header, UnaryOperator<JWTClaimsSet> claims)
            throws Exception {
        TokenFixture f = TokenFixture.forAlgorithm(alg.name());
        return f.sign(header.apply(f.header()), claims.apply(f.claims()));
    }

    /**
     * Flips one bit near the end of the signature (inside ECDSA's and Ed25519's S, away from S's top byte so S stays
     * in range): a well-formed but wrong signature, rather than one the provider refuses to parse.
     */
    static String tamper(String encodedSignature) {
        byte[] raw = java.util.Base64.getUrlDecoder().decode(encodedSignature);
        raw[raw.length - 10] ^= 0x01;
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
