package io.admin.auth.httpbench.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.core.ClaimNames;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Mints the benchmark's RS256 access tokens with Nimbus, so that neither verifier under test made
 * them: RFC 9068 shape (header {@code typ at+jwt}, {@code kid}; claims {@code iss sub aud exp iat
 * nbf jti client_id scope}), signed with {@link BenchKey}. Every token also carries {@code fid}, the
 * refresh family of one browser session (the minter's), as the tokens our sign-in puts in the
 * access-token cookie do: the cookie scheme refuses a token without one, and bearer verifiers ignore
 * it, so one token serves the header and the cookie alike. Each {@link Variant} other than {@link
 * Variant#VALID} breaks exactly one thing a resource server must check. Thread-safe.
 */
public final class TokenMinter {

    /** The {@code iss} both resource servers require. */
    public static final String ISSUER = "https://issuer.http-bench.example";
    /** The {@code aud} both resource servers require. */
    public static final String AUDIENCE = "https://api.http-bench.example";
    /** The {@code client_id} of every token (Spring's RFC 9068 validator insists on one value). */
    public static final String CLIENT_ID = "bench-client";
    /** The granted scopes; the benchmark endpoint requires the first. */
    public static final String SCOPE = "orders:read orders:write";
    /** The scope the benchmark endpoint requires. */
    public static final String REQUIRED_SCOPE = "orders:read";

    /** The claim naming a token's refresh family, as our token service writes it. */
    public static final String FAMILY_ID_CLAIM = ClaimNames.FAMILY_ID;

    /** RFC 9068 section 2.1 header type. */
    static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    /** What a minted token is, from a resource server's point of view. */
    public enum Variant {
        /** Accepted by a correctly configured resource server. */
        VALID,
        /** {@code iss} names another issuer. */
        WRONG_ISSUER,
        /** {@code aud} names another resource server. */
        WRONG_AUDIENCE,
        /** {@code exp} an hour ago, far beyond any clock skew. */
        EXPIRED,
        /** Header {@code typ} {@code JWT}: an ID token or a generic JWT, not an access token. */
        WRONG_TYP,
        /** Signed by another RSA key under the same {@code kid}. */
        BAD_SIGNATURE
    }

    private final BenchKey key;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;
    private final JWSSigner signer;
    private final JWSSigner impostor;
    private final String familyId;

    /**
     * A minter signing with {@code key}, valid tokens living {@code lifetime} from {@code clock}'s
     * now, {@code jti}s and the impostor key of {@link Variant#BAD_SIGNATURE} from {@code random}.
     */
    public TokenMinter(BenchKey key, Clock clock, Duration lifetime, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.random = Objects.requireNonNull(random, "random");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        try {
            this.signer = new RSASSASigner(key.privateJwk());
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.kid()).secureRandom(random).generate();
            this.impostor = new RSASSASigner(other);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make RSA signers", e);
        }
        this.familyId = randomId();
    }

    /** The {@code fid} claim of every token of this minter: one browser session's refresh family. */
    public String familyId() {
        return familyId;
    }

    /** A token of {@code variant} for {@code subject}, with a fresh {@code jti}. */
    public String mint(String subject, Variant variant) {
        Instant now = clock.instant();
        Instant issued = variant == Variant.EXPIRED ? now.minus(Duration.ofHours(2)) : now;
        Instant expires = variant == Variant.EXPIRED ? now.minus(Duration.ofHours(1)) : now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(variant == Variant.WRONG_ISSUER ? "https://other-issuer.http-bench.example" : ISSUER)
                .subject(subject)
                .audience(variant == Variant.WRONG_AUDIENCE ? "https://other-api.http-bench.example" : AUDIENCE)
                .expirationTime(Date.from(expires))
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .jwtID(randomId())
                .claim("client_id", CLIENT_ID)
                .claim(FAMILY_ID_CLAIM, familyId)
                .claim("scope", SCOPE)
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(variant == Variant.WRONG_TYP ? JOSEObjectType.JWT : AT_JWT)
                .keyID(key.kid())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(variant == Variant.BAD_SIGNATURE ? impostor : signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("RS256 signing failed", e);
        }
        return jwt.serialize();
    }

    /**
     * {@code count} valid tokens for distinct subjects ({@code user-0}, {@code user-1}, ...), in that
     * order, signed on every core this thread may use (RSA signing is the slow part of minting).
     */
    public List<String> distinctValid(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> mint("user-" + i, Variant.VALID))
                .toList();
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
