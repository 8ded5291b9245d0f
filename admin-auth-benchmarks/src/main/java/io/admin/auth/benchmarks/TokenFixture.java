package io.admin.auth.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import javax.crypto.SecretKey;

/**
 * One RFC 9068 access token per algorithm, identical in every benchmark of that algorithm.
 *
 * <p>Keys are fixed (resource {@code bench-keys.jwks.json}, benchmark-only, never use them elsewhere) and
 * so are the header and every claim, so the signing input is byte-identical across benchmarks and runs.
 * ES256 signatures are randomised, so only the signature bytes of an ES256 token differ between forks;
 * the cost of verifying them does not. {@code exp} is far in the future because several peers read the
 * wall clock and cannot be given a {@link java.time.Clock}.
 */
public final class TokenFixture {

    /** Expected {@code iss}. */
    public static final String ISSUER = "https://issuer.bench.example";
    /** Expected {@code aud}, a single string as most resource servers receive it. */
    public static final String AUDIENCE = "https://api.bench.example";
    /** The token's {@code sub}. */
    public static final String SUBJECT = "user-4711";
    /** The token's {@code client_id} (RFC 9068 section 2.2). */
    public static final String CLIENT_ID = "bench-client";
    /** The token's {@code scope}. */
    public static final String SCOPE = "openid profile orders:read orders:write";
    /** The token's {@code jti}. */
    public static final String JWT_ID = "8f14e45f-ceea-467a-9af0-2c4d1e7d3a51";
    /** RFC 9068 section 2.1 header type. */
    public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
    /** {@code iat} and {@code nbf}. */
    public static final Instant ISSUED_AT = Instant.parse("2026-01-01T00:00:00Z");
    /** {@code exp}: far future, see the class comment. */
    public static final Instant EXPIRES_AT = Instant.parse("2099-01-01T00:00:00Z");

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final BenchAlgorithm algorithm;
    private final JWK jwk;
    private final JWSSigner signer;
    private final String token;

    private TokenFixture(BenchAlgorithm algorithm, JWK jwk) throws JOSEException {
        this.algorithm = algorithm;
        this.jwk = jwk;
        this.signer = nimbusSigner(jwk);
        this.token = sign(header(), claims());
    }

    /**
     * Loads the fixed key of {@code algorithm} and mints the benchmark token with Nimbus.
     *
     * @param algorithm one of {@link BenchAlgorithm}'s JOSE names: RS256, ES256, EdDSA, HS256
     * @return the fixture; never null
     * @throws IllegalArgumentException for an unknown algorithm name
     */
    public static TokenFixture forAlgorithm(String algorithm) {
        BenchAlgorithm alg = BenchAlgorithm.fromJoseName(algorithm);
        try (InputStream in = TokenFixture.class.getResourceAsStream("/bench-keys.jwks.json")) {
            if (in == null) {
                throw new IllegalStateException("bench-keys.jwks.json missing from the classpath");
            }
            JWKSet set = JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JWK key = set.getKeyByKeyId(alg.keyId());
            if (key == null) {
                throw new IllegalStateException("no benchmark key " + alg.keyId());
            }
            return new TokenFixture(alg, key);
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot build the benchmark fixture for " + algorithm, e);
        }
    }

    /** @return the algorithm of this fixture */
    public BenchAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the RFC 9068 header: {@code alg}, {@code typ: at+jwt}, {@code kid} */
    public JWSHeader header() {
        return new JWSHeader.Builder(algorithm.jose()).type(AT_JWT).keyID(jwk.getKeyID()).build();
    }

    /** @return the RFC 9068 claims: iss sub aud exp iat nbf jti client_id scope */
    public JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .audience(AUDIENCE)
                .expirationTime(Date.from(EXPIRES_AT))
                .issueTime(Date.from(ISSUED_AT))
                .notBeforeTime(Date.from(ISSUED_AT))
                .jwtID(JWT_ID)
                .claim("client_id", CLIENT_ID)
                .claim("scope", SCOPE)
                .build();
    }

    /**
     * Signs arbitrary header and claims with this fixture's key (tests use it to mint hostile variants).
     *
     * @return the compact serialisation
     */
    public String sign(JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** @return the benchmark token, compact serialisation */
    public String token() {
        return token;
    }

    /** @return ASCII bytes of {@code base64url(header) '.' base64url(payload)}, the JWS signing input */
    public byte[] signingInput() {
        return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the third segment of the token: the base64url signature */
    public String encodedSignature() {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    /** @return the key as a JWK including private or secret parts */
    public JWK jwk() {
        return jwk;
    }

    /** @return the JWK set a verifier trusts: the public key, or the secret for HS256 */
    public JWKSet verificationJwkSet() {
        return new JWKSet(jwk.isPrivate() && !(jwk instanceof OctetSequenceKey) ? jwk.toPublicJWK() : jwk);
    }

    /** @return the JCA public key; throws for HS256 */
    public PublicKey publicKey() {
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPublicKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPublicKey();
            }
            if (jwk instanceof OctetKeyPair okp) {
                return KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(concat(ED25519_SPKI_PREFIX, okp.getDecodedX())));
            }
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        throw new UnsupportedOperationException(algorithm + " has no public key");
    }

    /** @return the JCA private key; throws for HS256 */
    public PrivateKey privateKey() {
        try {
            if (jwk instanceof RSAKey rsa) {
                return rsa.toRSAPrivateKey();
            }
            if (jwk instanceof ECKey ec) {
                return ec.toECPrivateKey();
            }
            if (jwk instanceof OctetKeyPair okp) {
                return KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new PKCS8EncodedKeySpec(concat(ED25519_PKCS8_PREFIX, okp.getDecodedD())));
            }
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        throw new UnsupportedOperationException(algorithm + " has no private key");
    }

    /** @return the HMAC key; throws for the asymmetric algorithms */
    public SecretKey secretKey() {
        if (jwk instanceof OctetSequenceKey oct) {
            return oct.toSecretKey("HmacSHA256");
        }
        throw new UnsupportedOperationException(algorithm + " has no secret key");
    }

    private static JWSSigner nimbusSigner(JWK jwk) throws JOSEException {
        if (jwk instanceof RSAKey rsa) {
            return new RSASSASigner(rsa);
        }
        if (jwk instanceof ECKey ec) {
            return new ECDSASigner(ec);
        }
        if (jwk instanceof OctetKeyPair okp) {
            return new Ed25519Signer(okp);
        }
        return new MACSigner((OctetSequenceKey) jwk);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
