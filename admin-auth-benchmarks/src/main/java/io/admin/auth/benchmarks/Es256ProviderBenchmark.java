package io.admin.auth.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
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
 * ES256 (P-256, R||S signatures) on the fixture's signing input: the JDK's SunEC against BouncyCastle
 * through its JCA provider and through its lightweight API. Decides which provider our verifier and issuer use.
 * Every method decodes (or encodes) the base64url signature so the rows compare with {@link VerifyBenchmark#jcaFloor}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class Es256ProviderBenchmark {

    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder B64URL_ENC = Base64.getUrlEncoder().withoutPadding();

    /** Per-thread verifier and signer objects for each provider (none of them is thread-safe). */
    @State(Scope.Thread)
    public static class Providers {
        byte[] signingInput;
        String encodedSignature;
        Signature jdkVerify;
        Signature jdkSign;
        Signature bcVerify;
        Signature bcSign;
        DSADigestSigner bcLightVerify;
        DSADigestSigner bcLightSign;

        /** Initialises every provider's objects with the ES256 fixture key; BC is used by instance, never installed. */
        @Setup
        public void setup() throws GeneralSecurityException {
            TokenFixture f = TokenFixture.forAlgorithm("ES256");
            signingInput = f.signingInput();
            encodedSignature = f.encodedSignature();
            jdkVerify = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
            jdkVerify.initVerify(f.publicKey());
            jdkSign = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
            jdkSign.initSign(f.privateKey());

            Provider bc = new BouncyCastleProvider();
            KeyFactory bcKeys = KeyFactory.getInstance("EC", bc);
            PublicKey bcPublic = bcKeys.generatePublic(new X509EncodedKeySpec(f.publicKey().getEncoded()));
            bcVerify = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
            bcVerify.initVerify(bcPublic);
            bcSign = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
            bcSign.initSign(bcKeys.generatePrivate(new PKCS8EncodedKeySpec(f.privateKey().getEncoded())));

            bcLightVerify = new DSADigestSigner(new ECDSASigner(), new SHA256Digest(), PlainDSAEncoding.INSTANCE);
            bcLightVerify.init(false, (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(bcPublic));
            // RFC 6979 deterministic k: no SecureRandom on the signing path.
            bcLightSign = new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                    new SHA256Digest(), PlainDSAEncoding.INSTANCE);
            bcLightSign.init(true, (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(
                    (ECPrivateKey) f.privateKey()));
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

    /** @return whether BouncyCastle's lightweight {@code ECDSASigner} accepts the signature */
    @Benchmark
    public boolean verifyBcLightweight(Providers s) {
        byte[] sig = B64URL.decode(s.encodedSignature);
        s.bcLightVerify.update(s.signingInput, 0, s.signingInput.length);
        return s.bcLightVerify.verifySignature(sig);
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

    /** @return the base64url signature made by BouncyCastle's lightweight API (deterministic k) */
    @Benchmark
    public String signBcLightweight(Providers s) {
        s.bcLightSign.update(s.signingInput, 0, s.signingInput.length);
        return B64URL_ENC.encodeToString(s.bcLightSign.generateSignature());
    }
}
