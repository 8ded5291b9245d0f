package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves our rows measure what they claim: the verifier accepts the fixture token (uncached and from the
 * cache) and rejects a tampered one, the issuer's tokens pass the strict Nimbus processor, the credential
 * and contention benchmarks authenticate, and the HTTP benchmark's every route answers 200.
 */
class OursBenchmarksTest {

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void oursWhenFixtureTokenThenAuthenticatedAndTamperedRejected(BenchAlgorithm alg) {
        VerifyBenchmark bench = new VerifyBenchmark();
        VerifyBenchmark.OursUncached s = new VerifyBenchmark.OursUncached();
        s.alg = alg.name();
        s.setup();
        var p = assertInstanceOf(AuthOutcome.Authenticated.class, bench.ours(s)).principal();
        assertEquals(TokenFixture.SUBJECT, p.subject());
        assertEquals(0, s.verifier.cachedTokens(), "the uncached row must not cache");
        int dot = s.token.lastIndexOf('.');
        char last = s.token.charAt(dot + 1);
        s.token = s.token.substring(0, dot + 1) + (last == 'A' ? 'B' : 'A') + s.token.substring(dot + 2);
        assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
                assertInstanceOf(AuthOutcome.Rejected.class, bench.ours(s)).error().code());
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void oursCacheHitWhenFixtureTokenThenSameCachedPrincipal(BenchAlgorithm alg) {
        VerifyBenchmark bench = new VerifyBenchmark();
        VerifyBenchmark.OursCached s = new VerifyBenchmark.OursCached();
        s.alg = alg.name();
        s.setup();
        var first = assertInstanceOf(AuthOutcome.Authenticated.class, bench.oursCacheHit(s)).principal();
        assertSame(first, assertInstanceOf(AuthOutcome.Authenticated.class, bench.oursCacheHit(s)).principal());
        assertEquals(1, s.verifier.cachedTokens());
    }

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void oursSignWhenIssuedThenStrictProcessorAccepts(BenchAlgorithm alg) throws Exception {
        SignBenchmark bench = new SignBenchmark();
        SignBenchmark.OursIssuer s = new SignBenchmark.OursIssuer();
        s.alg = alg.name();
        s.setup();
        DefaultJWTProcessor<SecurityContext> strict = PeerVerifiers.nimbusProcessor(TokenFixture.forAlgorithm(alg.name()));
        JWTClaimsSet signed = strict.process(bench.ours(s), null);
        assertEquals(TokenFixture.SUBJECT, signed.getSubject());
        assertEquals(TokenFixture.JWT_ID, signed.getJWTID());
        assertEquals(TokenFixture.CLIENT_ID, signed.getStringClaim("client_id"));
        // Issued at the benchmark's fixed clock, long past for Nimbus's wall clock: checked by our verifier.
        var issued = assertInstanceOf(AuthOutcome.Authenticated.class,
                Ours.verifier(TokenFixture.forAlgorithm(alg.name())).build().verify(bench.oursIssue(s))).principal();
        assertEquals(TokenFixture.SUBJECT, issued.subject());
        assertEquals(22, ((String) issued.claims().get("jti")).length());
    }

    @Test
    void credentialsWhenApiKeyAndCachedBasicThenAuthenticated() {
        CredentialBenchmark bench = new CredentialBenchmark();
        CredentialBenchmark.Credentials s = new CredentialBenchmark.Credentials();
        s.setup();
        assertInstanceOf(AuthOutcome.Authenticated.class, bench.apiKey(s));
        assertInstanceOf(AuthOutcome.Authenticated.class, bench.basicCached(s));
    }

    @ParameterizedTest
    @EnumSource(value = BenchAlgorithm.class, names = {"RS256", "HS256"})
    void threadsWhenEveryRowThenAuthenticated(BenchAlgorithm alg) {
        VerifyThreadsBenchmark bench = new VerifyThreadsBenchmark();
        VerifyThreadsBenchmark.Shared s = new VerifyThreadsBenchmark.Shared();
        s.alg = alg.name();
        s.setup();
        VerifyThreadsBenchmark.Request r = new VerifyThreadsBenchmark.Request();
        r.setup(s);
        assertInstanceOf(AuthOutcome.Authenticated.class, bench.uncached1t(s, r));
        assertInstanceOf(AuthOutcome.Authenticated.class, bench.uncached2t(s, r));
        assertInstanceOf(AuthOutcome.Authenticated.class, bench.cacheHit1t(s, r));
        assertInstanceOf(AuthOutcome.Authenticated.class, bench.cacheHit2t(s, r));
        assertEquals(0, s.uncached.cachedTokens());
    }

    @Test
    void httpWhenEveryRouteThen200() throws Exception {
        HttpOverheadBenchmark bench = new HttpOverheadBenchmark();
        HttpOverheadBenchmark.Site s = new HttpOverheadBenchmark.Site();
        s.start();
        try {
            assertEquals(200, bench.noFilter(s));
            assertEquals(200, bench.bearerCacheHit(s));
            assertEquals(200, bench.bearerCacheMiss(s));
            assertEquals(200, bench.apiKey(s));
        } finally {
            s.stop();
        }
    }
}
