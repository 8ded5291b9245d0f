package io.admin.auth.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenFixtureTest {

    @ParameterizedTest
    @EnumSource(BenchAlgorithm.class)
    void forAlgorithmWhenBuiltThenTokenIsRfc9068ShapedWithFixedKid(BenchAlgorithm alg) throws Exception {
        SignedJWT jwt = SignedJWT.parse(TokenFixture.forAlgorithm(alg.name()).token());

        assertEquals(alg.jose(), jwt.getHeader().getAlgorithm());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals("bench-" + alg.name().toLowerCase(java.util.Locale.ROOT), jwt.getHeader().getKeyID());
        assertEquals(Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "client_id", "scope"),
                jwt.getJWTClaimsSet().getClaims().keySet());
        assertEquals(TokenFixture.AUDIENCE, jwt.getJWTClaimsSet().getAudience().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "EdDSA", "HS256"})
    void forAlgorithmWhenDeterministicAlgorithmThenSameTokenEveryTime(String alg) {
        assertEquals(TokenFixture.forAlgorithm(alg).token(), TokenFixture.forAlgorithm(alg).token());
    }

    @Test
    void forAlgorithmWhenEs256ThenSameSigningInputEveryTime() {
        assertEquals(new String(TokenFixture.forAlgorithm("ES256").signingInput(), java.nio.charset.StandardCharsets.US_ASCII),
                new String(TokenFixture.forAlgorithm("ES256").signingInput(), java.nio.charset.StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rs256", "PS256", "none", ""})
    void forAlgorithmWhenUnknownNameThenRejected(String alg) {
        assertThrows(IllegalArgumentException.class, () -> TokenFixture.forAlgorithm(alg));
    }

    @Test
    void publicKeyWhenHs256ThenUnsupported() {
        assertThrows(UnsupportedOperationException.class, () -> TokenFixture.forAlgorithm("HS256").publicKey());
        assertTrue(TokenFixture.forAlgorithm("HS256").secretKey().getEncoded().length >= 32);
    }
}
