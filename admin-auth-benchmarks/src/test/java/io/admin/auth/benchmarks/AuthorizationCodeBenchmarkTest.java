package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.issue.TokenResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves each row of the authorization-code table does the work it claims to measure. */
class AuthorizationCodeBenchmarkTest {

    private final AuthorizationCodeBenchmark bench = new AuthorizationCodeBenchmark();

    private static AuthorizationCodeBenchmark.Service service(String alg) {
        AuthorizationCodeBenchmark.Service s = new AuthorizationCodeBenchmark.Service();
        s.alg = alg;
        s.setup();
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void exchangeWhenFreshCodeThenAccessTokenOfAlgAndAVerifiableRs256IdToken(String alg)
            throws Exception {
        AuthorizationCodeBenchmark.Service s = service(alg);
        AuthorizationCodeBenchmark.Code c = new AuthorizationCodeBenchmark.Code();
        c.issue(s);

        TokenResult.Issued issued = assertInstanceOf(TokenResult.Issued.class, bench.exchange(s, c));
        String access = issued.response().accessToken();
        assertInstanceOf(AuthOutcome.Authenticated.class, s.tokens.verify(access));
        assertEquals(alg, SignedJWT.parse(access).getHeader().getAlgorithm().getName());
        SignedJWT id = SignedJWT.parse(issued.response().idToken());
        RSAKey key = (RSAKey) JWKSet.parse(s.tokens.jwkSetJson()).getKeyByKeyId(id.getHeader().getKeyID());
        assertTrue(id.verify(new RSASSAVerifier(key)));
        assertEquals("alice@example.com", id.getJWTClaimsSet().getStringClaim("email"));
        // The code is spent: the same invocation state cannot be measured twice.
        assertInstanceOf(TokenResult.Failed.class, bench.exchange(s, c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"})
    void issueCodeAndFloorWhenRunThenACodeAndASignature(String alg) throws Exception {
        AuthorizationCodeBenchmark.Service s = service(alg);
        assertTrue(bench.issueCode(s).length() >= 43);
        AuthorizationCodeBenchmark.Floor f = new AuthorizationCodeBenchmark.Floor();
        f.setup(s);
        assertNotNull(bench.signaturesFloor(f));
        assertEquals(342, bench.signaturesFloor(f).length(), "an RS256 signature, base64url");
    }
}
