package io.admin.auth.benchmarks;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * EdDSA (Ed25519) on the fixture's signing input: the JDK's SunEC against BouncyCastle (JCA provider and
 * lightweight {@code Ed25519Signer}) and Tink (what Nimbus uses). Decides which provider our verifier and
 * issuer use. Every method decodes (or encodes) the base64url signature so the rows compare with
 * {@link VerifyBenchmark#jcaFloor}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class Ed25519ProviderBenchmark {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder B64URL_ENC = Base64.getUrlEncoder().withoutPadding();

    /** Per-thread verifier and signer objects for each provider (JCA and BC lightweight ones are not thread-safe). */
    @State(Scope.Thread)
    public static class Providers {
        byte[] signingInput;
        String encodedSignature;
        Signature jdkVerify;
        Signature jdkSign;
        Signature bcVerify;
        Signature bcSign;
        Ed25519Signer bcLightVerify;
        Ed25519Signer bcLightSign;
        Ed25519Verify tinkVerify;
        Ed25519Sign tinkSign;

        /** Initialises every provider's objects with the EdDSA fixture key; BC is used by instance, never installed. */
        @Setup
        public void setup() throws GeneralSecurityException {
            TokenFixture f = TokenFixture.forAlgorithm("EdDSA");
            signingInput = f.signingInput();
            encodedSignature = f.encodedSignature();
            OctetKeyPair okp = (OctetKeyPair) f.jwk();

            jdkVerify = Signature.getInstance("Ed25519", "SunEC");
            jdkVerify.initVerify(f.publicKey());
            jdkSign = Signature.getInstance("Ed25519", "SunEC");
            jdkSign.initSign(f.privateKey());

            Provider bc = new BouncyCastleProvider();
            KeyFactory bcKeys = KeyFactory.getInstance("Ed25519", bc);
            bcVerify = Signature.getInstance("Ed25519", bc);
            bcVerify.initVerify(bcKeys.generatePublic(new X509EncodedKeySpec(f.publicKey().getEncoded())));
            bcSign = Signature.getInstance("Ed25519", bc);
            bcSign.initSign(bcKeys.generatePrivate(new PKCS8EncodedKeySpec(f.privateKey().getEncoded())));

            bcLightVerify = new Ed25519Signer();
            bcLightVerify.init(false, new Ed25519PublicKeyParameters(okp.getDecodedX(), 0));
            bcLightSign = new Ed25519Signer();
            bcLightSign.init(true, new Ed25519PrivateKeyParameters(okp.getDecodedD(), 0));

            tinkVerify = new Ed25519Verify(okp.getDecodedX());
            tinkSign = new Ed25519Sign(okp.getDecodedD());
        }
    }

    /** @return whether the JDK's SunEC accepts the signature */
    @Benchmark
    public boolean verifyJdkSunEc(Providers s) throws GeneralSecurityException {
        byte[] sig = B64URL.decode(s.encodedSignature);
        s.jdkVerify.update(s.signingInput);
        return s.jdkVerify.verify(sig);
    }

    /** @return whether BouncyCastle's JCA provider accepts the signature */
    @Benchmark
    public boolean verifyBcProvider(Providers s) throws GeneralSecurityException {
        byte[] sig = B64URL.decode(s.encodedSignature);
        s.bcVerify.update(s.signingInput);
        return s.bcVerify.verify(sig);
    }

    /** @return whether BouncyCastle's lightweight {@code Ed25519Signer} accepts the signature */
    @Benchmark
    public boolean verifyBcLightweight(Providers s) {
        byte[] sig = B64URL.decode(s.encodedSignature);
        s.bcLightVerify.update(s.signingInput, 0, s.signingInput.length);
        return s.bcLightVerify.verifySignature(sig);
    }

    /**
     * @return true if Tink accepts the signature (Tink reports rejection by exception)
     */
    @Benchmark
    public boolean verifyTink(Providers s) throws GeneralSecurityException {
        s.tinkVerify.verify(B64URL.decode(s.encodedSignature), s.signingInput);
        return true;
    }

    /** @return the base64url signature made by SunEC */
    @Benchmark
    public String signJdkSunEc(Providers s) throws GeneralSecurityException {
        s.jdkSign.update(s.signingInput);
        return B64URL_ENC.encodeToString(s.jdkSign.sign());
    }

    /** @return the base64url signature made by BouncyCastle's JCA provider */
    @Benchmark
    public String signBcProvider(Providers s) throws GeneralSecurityException {
        s.bcSign.update(s.signingInput);
        return B64URL_ENC.encodeToString(s.bcSign.sign());
    }

    /** @return the base64url signature made by BouncyCastle's lightweight API */
    @Benchmark
    public String signBcLightweight(Providers s) {
        s.bcLightSign.update(s.signingInput, 0, s.signingInput.length);
        return B64URL_ENC.encodeToString(s.bcLightSign.generateSignature());
    }

    /** @return the base64url signature made by Tink */
    @Benchmark
    public String signTink(Providers s) throws GeneralSecurityException {
        return B64URL_ENC.encodeToString(s.tinkSign.sign(s.signingInput));
    }
}
