package io.admin.auth.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.text.ParseException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The verify table: the raw JCA floor and the peers on the same token, one row per method, per algorithm.
 * Report each figure as a ratio to {@link #jcaFloor} of the same algorithm in the same run.
 *
 * <p>Our verifier goes here as one more {@code @Benchmark} method taking a state built in {@code @Setup}
 * from {@link TokenFixture#forAlgorithm}, so it sees exactly the token the peers see. Auth0 java-jwt has no
 * EdDSA and lives in {@link VerifyAuth0Benchmark}, whose parameter list leaves EdDSA out.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class VerifyBenchmark {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    /** Per-thread JCA objects: {@link Signature} and {@link Mac} are not thread-safe. */
    @State(Scope.Thread)
    public static class Floor {
        /** JOSE algorithm name. */
        @Param({"RS256", "ES256", "EdDSA", "HS256"})
        public String alg;
        byte[] signingInput;
        String encodedSignature;
        Signature signature;
        Mac mac;

        /** Initialises the JCA object once with the fixture's key, using the JDK's default provider. */
        @Setup
        public void setup() throws GeneralSecurityException {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            signingInput = f.signingInput();
            encodedSignature = f.encodedSignature();
            if (f.algorithm().isMac()) {
                mac = Mac.getInstance(f.algorithm().jcaName());
                mac.init(f.secretKey());
            } else {
                signature = Signature.getInstance(f.algorithm().jcaName());
                signature.initVerify(f.publicKey());
            }
        }
    }

    /** Peer verifiers, all thread-safe once built. */
    @State(Scope.Benchmark)
    public static class Peers {
        /** JOSE algorithm name. */
        @Param({"RS256", "ES256", "EdDSA", "HS256"})
        public String alg;
        /** The token every method verifies; tests replace it with hostile variants. */
        public String token;
        JWSVerifier nimbusVerifier;
        DefaultJWTProcessor<SecurityContext> nimbusProcessor;
        JwtParser jjwtParser;
        NimbusJwtDecoder springDecoder;

        /** Builds every peer for the fixture of {@link #alg}. */
        @Setup
        public void setup() throws JOSEException {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            token = f.token();
            nimbusVerifier = PeerVerifiers.nimbusVerifier(f);
            nimbusProcessor = PeerVerifiers.nimbusProcessor(f);
            jjwtParser = PeerVerifiers.jjwtParser(f);
            springDecoder = PeerVerifiers.springDecoder(f);
        }
    }

    /** Our verifier, uncached: one per benchmark (it is thread-safe), on the same token as the peers. */
    @State(Scope.Benchmark)
    public static class OursUncached {
        /** JOSE algorithm name. */
        @Param({"RS256", "ES256", "EdDSA", "HS256"})
        public String alg;
        /** The token verified. */
        public String token;
        io.admin.auth.core.verify.AccessTokenVerifier verifier;

        /** Builds the verifier for the fixture of {@link #alg}. */
        @Setup
        public void setup() {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            token = f.token();
            verifier = Ours.verifier(f).cacheEnabled(false).build();
        }
    }

    /**
     * Our verifier with its verified-token cache (the default), the fixture token already cached. Each call
     * verifies a {@code String} equal to the cached token but with an array of its own (as every request's
     * header value has), so the lookup compares every character. Making that string per request is the
     * container's cost, not the verifier's, and is left out; the cache hashes the token's end with its own keyed
     * hash on every lookup and never uses {@code String.hashCode}, so reusing the instance flatters nothing.
     */
    @State(Scope.Thread)
    public static class OursCached {
        /** JOSE algorithm name. */
        @Param({"RS256", "ES256", "EdDSA", "HS256"})
        public String alg;
        /** The token as the request carries it. */
        public String token;
        io.admin.auth.core.verify.AccessTokenVerifier verifier;

        /** Builds the verifier and verifies (a copy of) the token once so that it is cached. */
        @Setup
        public void setup() {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            verifier = Ours.verifier(f).build();
            // Each string with an array of its own, as a request's header value has: the JDK's
            // String.equals returns at once when two strings share one array.
            if (!(verifier.verify(new String(f.token().toCharArray()))
                    instanceof io.admin.auth.core.AuthOutcome.Authenticated)
                    || verifier.cachedTokens() != 1) {
                throw new IllegalStateException("fixture token not cached");
            }
            token = new String(f.token().toCharArray());
        }
    }

    /**
     * Our full verify path without the cache: parse, signature, typ/iss/aud/exp/nbf/iat, revocation lookup,
     * principal built.
     *
     * @return the outcome (authenticated)
     */
    @Benchmark
    public io.admin.auth.core.AuthOutcome ours(OursUncached s) {
        return s.verifier.verify(s.token);
    }

    /**
     * Our full verify path on a cache hit: keyed hash of the token's end, lookup comparing the whole token, key
     * still current, exp/nbf/iat, revocation lookup; no signature check, no parsing.
     *
     * @return the outcome (authenticated)
     */
    @Benchmark
    public io.admin.auth.core.AuthOutcome oursCacheHit(OursCached s) {
        return s.verifier.verify(s.token);
    }

    /**
     * The floor: base64url-decode the signature and check it over the signing input, nothing else.
     *
     * @return whether the signature is valid (always true here)
     */
    @Benchmark
    public boolean jcaFloor(Floor s) throws GeneralSecurityException {
        byte[] sig = B64URL.decode(s.encodedSignature);
        if (s.mac != null) {
            return MessageDigest.isEqual(s.mac.doFinal(s.signingInput), sig);
        }
        s.signature.update(s.signingInput);
        return s.signature.verify(sig);
    }

    /**
     * Nimbus {@code SignedJWT.parse} + {@code verify}: header parse and signature only, no claim checks.
     *
     * @return whether the signature is valid
     */
    @Benchmark
    public boolean nimbusSignedJwt(Peers s) throws ParseException, JOSEException {
        return SignedJWT.parse(s.token).verify(s.nimbusVerifier);
    }

    /**
     * Nimbus {@code DefaultJWTProcessor}: typ, key selection by alg, signature, iss, aud, exp, nbf, required claims.
     *
     * @return the verified claims
     */
    @Benchmark
    public JWTClaimsSet nimbusProcessor(Peers s) throws ParseException, BadJOSEException, JOSEException {
        return s.nimbusProcessor.process(s.token, null);
    }

    /**
     * jjwt: signature, iss, aud, exp, nbf; typ compared afterwards because jjwt has no typ requirement.
     *
     * @return the verified claims
     */
    @Benchmark
    public Claims jjwt(Peers s) {
        Jws<Claims> jws = s.jjwtParser.parseSignedClaims(s.token);
        if (!TokenFixture.AT_JWT.getType().equals(jws.getHeader().getType())) {
            throw new IllegalStateException("typ is not at+jwt");
        }
        return jws.getPayload();
    }

    /**
     * Spring Security {@code NimbusJwtDecoder} with {@code JwtValidators.createAtJwtValidator()}.
     *
     * @return the verified token
     */
    @Benchmark
    public Jwt springNimbusJwtDecoder(Peers s) {
        return s.springDecoder.decode(s.token);
    }
}
