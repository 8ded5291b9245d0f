package io.admin.auth.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds each peer library's verifier for a {@link TokenFixture}, configured for the same checks:
 * signature, {@code typ = at+jwt}, {@code iss}, {@code aud}, {@code exp}/{@code nbf}, as far as each library can.
 *
 * <p>Where a library cannot check {@code typ} itself (jjwt, Auth0) the benchmark compares the header value
 * after verification, which is what an application would have to do.
 */
public final class PeerVerifiers {

    /** Claims every peer that can require claims must see present (RFC 9068 section 2.2). */
    static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id");

    private static final JOSEObjectTypeVerifier<SecurityContext> ACCEPT_ANY_TYPE = (type, context) -> { };

    private PeerVerifiers() {
    }

    /** @return a Nimbus signature verifier (no claim checks) for the fixture's key */
    public static JWSVerifier nimbusVerifier(TokenFixture f) throws JOSEException {
        return switch (f.algorithm()) {
            case RS256 -> new RSASSAVerifier((RSAKey) f.jwk().toPublicJWK());
            case ES256 -> new ECDSAVerifier((ECKey) f.jwk().toPublicJWK());
            case EdDSA -> new Ed25519Verifier((OctetKeyPair) f.jwk().toPublicJWK());
            case HS256 -> new MACVerifier((OctetSequenceKey) f.jwk());
        };
    }

    /** @return Nimbus's {@link DefaultJWTProcessor} with typ, kid/alg key selection, iss, aud, exp, nbf checks */
    public static DefaultJWTProcessor<SecurityContext> nimbusProcessor(TokenFixture f) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TokenFixture.AT_JWT));
        selectKeys(p, f);
        p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(TokenFixture.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).build(), REQUIRED_CLAIMS));
        return p;
    }

    /** @return a jjwt parser requiring iss and aud (jjwt always checks exp and nbf; it cannot check typ) */
    public static JwtParser jjwtParser(TokenFixture f) {
        var builder = Jwts.parser().requireIssuer(TokenFixture.ISSUER).requireAudience(TokenFixture.AUDIENCE);
        if (f.algorithm().isMac()) {
            builder.verifyWith(f.secretKey());
        } else {
            builder.verifyWith(f.publicKey());
        }
        return builder.build();
    }

    /**
     * @return an Auth0 java-jwt verifier requiring iss and aud (it always checks exp, nbf, iat; it cannot check typ)
     * @throws UnsupportedOperationException for EdDSA, which java-jwt 4.x does not implement
     */
    public static JWTVerifier auth0Verifier(TokenFixture f) {
        Algorithm alg = switch (f.algorithm()) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) f.publicKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) f.publicKey(), null);
            case HS256 -> Algorithm.HMAC256(f.secretKey().getEncoded());
            case EdDSA -> throw new UnsupportedOperationException("java-jwt has no EdDSA");
        };
        return JWT.require(alg).withIssuer(TokenFixture.ISSUER).withAudience(TokenFixture.AUDIENCE).build();
    }

    /**
     * Spring Security's {@link NimbusJwtDecoder} with its RFC 9068 validator
     * ({@code JwtValidators.createAtJwtValidator()}: typ at+jwt, iss, aud, client_id, exp/nbf, required claims).
     *
     * <p>Nimbus's own typ check is switched off so typ is checked once, by Spring's validator. Spring's
     * {@code SignatureAlgorithm} has no EdDSA, so EdDSA goes through the decoder's public constructor with a
     * Nimbus processor configured as Spring's builders configure theirs (no Nimbus claim checks).
     */
    public static NimbusJwtDecoder springDecoder(TokenFixture f) {
        NimbusJwtDecoder decoder = switch (f.algorithm()) {
            case RS256 -> NimbusJwtDecoder.withPublicKey((RSAPublicKey) f.publicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256).validateType(false).build();
            case HS256 -> NimbusJwtDecoder.withSecretKey(f.secretKey())
                    .macAlgorithm(MacAlgorithm.HS256).validateType(false).build();
            case ES256 -> NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(f.verificationJwkSet()))
                    .jwsAlgorithm(SignatureAlgorithm.ES256)
                    .jwtProcessorCustomizer(p -> p.setJWSTypeVerifier(ACCEPT_ANY_TYPE)).build();
            case EdDSA -> {
                DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
                p.setJWSTypeVerifier(ACCEPT_ANY_TYPE);
                selectKeys(p, f);
                p.setJWTClaimsSetVerifier((claims, context) -> { });
                yield new NimbusJwtDecoder(p);
            }
        };
        decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                .issuer(TokenFixture.ISSUER).audience(TokenFixture.AUDIENCE).clientId(TokenFixture.CLIENT_ID).build());
        return decoder;
    }

    /** Nimbus's stock kid/alg key selection over the fixture's JWK set, or the EdDSA add-on Nimbus needs. */
    private static void selectKeys(DefaultJWTProcessor<SecurityContext> p, TokenFixture f) {
        if (f.algorithm() == BenchAlgorithm.EdDSA) {
            NimbusEd25519Support.configure(p, f);
        } else {
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(f.algorithm().jose(),
                    new ImmutableJWKSet<>(f.verificationJwkSet())));
        }
    }
}
