package io.admin.auth.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Date;
import java.util.Map;

/**
 * Issues the fixture's token with each peer library: same header ({@code typ at+jwt}, {@code kid}) and same
 * claims. Claim order in the JSON may differ between libraries; the sizes are within a few bytes.
 */
public final class PeerSigners {

    private PeerSigners() {
    }

    /** @return a Nimbus signer for the fixture's private or secret key */
    public static JWSSigner nimbusSigner(TokenFixture f) throws JOSEException {
        return switch (f.algorithm()) {
            case RS256 -> new RSASSASigner((RSAKey) f.jwk());
            case ES256 -> new ECDSASigner((ECKey) f.jwk());
            case EdDSA -> new Ed25519Signer((OctetKeyPair) f.jwk());
            case HS256 -> new MACSigner((OctetSequenceKey) f.jwk());
        };
    }

    /**
     * Starts a jjwt builder with the fixture's header, claims and key; {@code compact()} signs.
     *
     * @return a fresh builder (jjwt builders are single-use)
     */
    public static JwtBuilder jjwtBuilder(TokenFixture f) {
        JwtBuilder b = Jwts.builder()
                .header().type(TokenFixture.AT_JWT.getType()).keyId(f.algorithm().keyId()).and()
                .issuer(TokenFixture.ISSUER)
                .subject(TokenFixture.SUBJECT)
                .audience().single(TokenFixture.AUDIENCE)
                .expiration(Date.from(TokenFixture.EXPIRES_AT))
                .issuedAt(Date.from(TokenFixture.ISSUED_AT))
                .notBefore(Date.from(TokenFixture.ISSUED_AT))
                .id(TokenFixture.JWT_ID)
                .claim("client_id", TokenFixture.CLIENT_ID)
                .claim("scope", TokenFixture.SCOPE);
        return switch (f.algorithm()) {
            case RS256 -> b.signWith(f.privateKey(), Jwts.SIG.RS256);
            case ES256 -> b.signWith(f.privateKey(), Jwts.SIG.ES256);
            case EdDSA -> b.signWith(f.privateKey(), Jwts.SIG.EdDSA);
            case HS256 -> b.signWith(f.secretKey(), Jwts.SIG.HS256);
        };
    }

    /**
     * @return the Auth0 algorithm object for the fixture's key
     * @throws UnsupportedOperationException for EdDSA, which java-jwt 4.x does not implement
     */
    public static Algorithm auth0Algorithm(TokenFixture f) {
        return switch (f.algorithm()) {
            case RS256 -> Algorithm.RSA256(null, (RSAPrivateKey) f.privateKey());
            case ES256 -> Algorithm.ECDSA256(null, (ECPrivateKey) f.privateKey());
            case HS256 -> Algorithm.HMAC256(f.secretKey().getEncoded());
            case EdDSA -> throw new UnsupportedOperationException("java-jwt has no EdDSA");
        };
    }

    /** @return the fixture's token issued by Auth0 java-jwt with {@code algorithm} */
    public static String auth0Sign(Algorithm algorithm) {
        return JWT.create()
                .withHeader(Map.of("typ", TokenFixture.AT_JWT.getType()))
                .withKeyId("bench-" + algorithm.getName().toLowerCase(java.util.Locale.ROOT))
                .withIssuer(TokenFixture.ISSUER)
                .withSubject(TokenFixture.SUBJECT)
                .withAudience(TokenFixture.AUDIENCE)
                .withExpiresAt(TokenFixture.EXPIRES_AT)
                .withIssuedAt(TokenFixture.ISSUED_AT)
                .withNotBefore(TokenFixture.ISSUED_AT)
                .withJWTId(TokenFixture.JWT_ID)
                .withClaim("client_id", TokenFixture.CLIENT_ID)
                .withClaim("scope", TokenFixture.SCOPE)
                .sign(algorithm);
    }
}
