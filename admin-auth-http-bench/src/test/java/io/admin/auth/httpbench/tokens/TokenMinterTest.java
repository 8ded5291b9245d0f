package io.admin.auth.httpbench.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.httpbench.tokens.TokenMinter.Variant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenMinterTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final BenchKey key = BenchKey.load();
    private final TokenMinter minter = new TokenMinter(key, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(2),
            new SecureRandom());

    @Test
    void mintWhenValidThenRfc9068ShapedAndSignedByTheBenchKey() throws Exception {
        SignedJWT jwt = SignedJWT.parse(minter.mint("alice", Variant.VALID));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        assertEquals(key.kid(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key.publicKey())));
        assertEquals(TokenMinter.ISSUER, claims.getIssuer());
        assertEquals(List.of(TokenMinter.AUDIENCE), claims.getAudience());
        assertEquals("alice", claims.getSubject());
        assertEquals(NOW, claims.getIssueTime().toInstant());
        assertEquals(NOW, claims.getNotBeforeTime().toInstant());
        assertEquals(NOW.plus(Duration.ofHours(2)), claims.getExpirationTime().toInstant());
        assertEquals(TokenMinter.CLIENT_ID, claims.getStringClaim("client_id"));
        assertEquals(TokenMinter.SCOPE, claims.getStringClaim("scope"));
        assertEquals(22, claims.getJWTID().length());
        assertEquals(22, minter.familyId().length());
        assertEquals(minter.familyId(), claims.getStringClaim("fid"));
    }

    @Test
    void mintWhenBrokenThenBreaksExactlyItsOwnPart() throws Exception {
        RSASSAVerifier verifier = new RSASSAVerifier(key.publicKey());
        SignedJWT issuer = SignedJWT.parse(minter.mint("a", Variant.WRONG_ISSUER));
        SignedJWT audience = SignedJWT.parse(minter.mint("a", Variant.WRONG_AUDIENCE));
        SignedJWT expired = SignedJWT.parse(minter.mint("a", Variant.EXPIRED));
        SignedJWT typ = SignedJWT.parse(minter.mint("a", Variant.WRONG_TYP));
        SignedJWT signature = SignedJWT.parse(minter.mint("a", Variant.BAD_SIGNATURE));

        assertNotEquals(TokenMinter.ISSUER, issuer.getJWTClaimsSet().getIssuer());
        assertTrue(issuer.verify(verifier));
        assertFalse(audience.getJWTClaimsSet().getAudience().contains(TokenMinter.AUDIENCE));
        assertTrue(audience.verify(verifier));
        assertTrue(expired.getJWTClaimsSet().getExpirationTime().toInstant().isBefore(NOW.minusSeconds(300)));
        assertTrue(expired.verify(verifier));
        assertEquals(JOSEObjectType.JWT, typ.getHeader().getType());
        assertTrue(typ.verify(verifier));
        assertEquals(key.kid(), signature.getHeader().getKeyID());
        assertEquals(TokenMinter.ISSUER, signature.getJWTClaimsSet().getIssuer());
        assertFalse(signature.verify(verifier));
    }

    @Test
    void distinctValidWhenManyThenAllDifferent() {
        List<String> tokens = minter.distinctValid(50);

        assertEquals(50, new HashSet<>(tokens).size());
        assertEquals(Set.of(TokenMinter.ISSUER), Set.copyOf(tokens.stream().map(t -> {
            try {
                return SignedJWT.parse(t).getJWTClaimsSet().getIssuer();
            } catch (java.text.ParseException e) {
                throw new AssertionError(e);
            }
        }).toList()));
    }
}
