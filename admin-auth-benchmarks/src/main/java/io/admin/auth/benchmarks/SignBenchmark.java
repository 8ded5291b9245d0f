package io.admin.auth.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.Signature;
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

/**
 * The sign table: raw JCA signing of the fixture's signing input against peers issuing the same token.
 * Report each figure as a ratio to {@link #jcaFloor} of the same algorithm in the same run.
 *
 * <p>Our issuer goes here as one more {@code @Benchmark} method issuing the fixture's claims. Auth0 java-jwt
 * has no EdDSA and lives in {@link SignAuth0Benchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SignBenchmark {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** Per-thread JCA objects: {@link Signature} and {@link Mac} are not thread-safe. */
    @State(Scope.Thread)
    public static class Floor {
        /** JOSE algorithm name. */
        @Param({"RS256", "ES256", "EdDSA", "HS256"})
        public String alg;
        byte[] signingInput;
        Signature signature;
        Mac mac;

        /** Initialises the JCA object once with the fixture's key, using the JDK's default provider. */
        @Setup
        public void setup() throws GeneralSecurityException {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            signingInput = f.signingInput();
            if (f.algorithm().isMac()) {
                mac = Mac.getInstance(f.algorithm().jcaName());
                mac.init(f.secretKey());
            } else {
                signature = Signature.getInstance(f.algorithm().jcaName());
                signature.initSign(f.privateKey());
            }
        }
    }

    /** Peer signers and the fixture they issue. */
    @State(Scope.Benchmark)
    public static class Peers {
        /** JOSE algorithm name. */
        @Param({"RS256", "ES256", "EdDSA", "HS256"})
        public String alg;
        /** The fixture whose header and claims are issued. */
        public TokenFixture fixture;
        JWSSigner nimbusSigner;

        /** Builds the signers for the fixture of {@link #alg}. */
        @Setup
        public void setup() throws JOSEException {
            fixture = TokenFixture.forAlgorithm(alg);
            nimbusSigner = PeerSigners.nimbusSigner(fixture);
        }
    }

    /** Our issuer with the library's default crypto, on the fixture's key. */
    @State(Scope.Benchmark)
    public static class OursIssuer {
        /** JOSE algorithm name. */
        @Param({"RS256", "ES256", "EdDSA", "HS256"})
        public String alg;
        io.admin.auth.core.issue.AccessTokenIssuer issuer;
        io.admin.auth.core.spi.SigningKey key;
        io.admin.auth.core.TokenClaims claims;

        /** Builds the issuer (fixed clock, SecureRandom for jti) and the fixture's claims. */
        @Setup
        public void setup() {
            TokenFixture f = TokenFixture.forAlgorithm(alg);
            key = Ours.signingKey(f);
            claims = Ours.claims();
            issuer = new io.admin.auth.core.issue.AccessTokenIssuer(TokenFixture.ISSUER, TokenFixture.AUDIENCE,
                    java.time.Clock.fixed(Ours.NOW, java.time.ZoneOffset.UTC),
                    new io.admin.auth.core.crypto.RandomTokens(new java.security.SecureRandom()),
                    io.admin.auth.core.key.JwsCrypto.defaults());
        }
    }

    /**
     * Our issuer on the fixture's claims: header and claims serialised, signed, compact form, as the peers do.
     *
     * @return the compact token
     */
    @Benchmark
    public String ours(OursIssuer s) {
        return s.issuer.sign(s.claims, s.key);
    }

    /**
     * Our issuer's full {@code issue}: claims built from the clock, a 128-bit jti from {@code SecureRandom}, signed.
     *
     * @return the compact token
     */
    @Benchmark
    public String oursIssue(OursIssuer s) {
        return s.issuer.issue(s.key, TokenFixture.SUBJECT, TokenFixture.CLIENT_ID, s.claims.scopes(),
                java.time.Duration.ofHours(1), null).token();
    }

    /**
     * The floor: sign the fixed signing input and base64url-encode the signature.
     *
     * @return the encoded signature
     */
    @Benchmark
    public String jcaFloor(Floor s) throws GeneralSecurityException {
        if (s.mac != null) {
            return B64URL.encodeToString(s.mac.doFinal(s.signingInput));
        }
        s.signature.update(s.signingInput);
        return B64URL.encodeToString(s.signature.sign());
    }

    /**
     * Nimbus: serialise header and claims, sign, serialise the JWS.
     *
     * @return the compact token
     */
    @Benchmark
    public String nimbus(Peers s) throws JOSEException {
        SignedJWT jwt = new SignedJWT(s.fixture.header(), s.fixture.claims());
        jwt.sign(s.nimbusSigner);
        return jwt.serialize();
    }

    /**
     * jjwt: build header and claims, sign, compact.
     *
     * @return the compact token
     */
    @Benchmark
    public String jjwt(Peers s) {
        return PeerSigners.jjwtBuilder(s.fixture).compact();
    }
}
