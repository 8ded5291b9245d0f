package io.admin.auth.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;

/**
 * What an application must add for Nimbus's {@code DefaultJWTProcessor} to accept EdDSA: Nimbus 10.10's
 * {@code KeyConverter} and {@code DefaultJWSVerifierFactory} handle only RSA, EC and secret keys, so the
 * stock {@code JWSVerificationKeySelector} finds no key for an OKP JWK. This selects the key by {@code kid}
 * and builds an {@link Ed25519Verifier} (Tink inside) per token, as the default factory does for RSA and EC.
 */
final class NimbusEd25519Support {

    private NimbusEd25519Support() {
    }

    /** Configures key selection and verifier creation of {@code processor} for the EdDSA fixture. */
    static void configure(ConfigurableJWTProcessor<SecurityContext> processor, TokenFixture f) {
        OctetKeyPair publicJwk = (OctetKeyPair) f.jwk().toPublicJWK();
        List<Key> keys = List.of(f.publicKey());
        String kid = publicJwk.getKeyID();
        JWSKeySelector<SecurityContext> selector = (header, context) ->
                JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) && kid.equals(header.getKeyID()) ? keys : List.of();
        processor.setJWSKeySelector(selector);
        processor.setJWSVerifierFactory(new Factory(publicJwk));
    }

    private static final class Factory implements JWSVerifierFactory {
        private final DefaultJWSVerifierFactory fallback = new DefaultJWSVerifierFactory();
        private final OctetKeyPair publicJwk;

        Factory(OctetKeyPair publicJwk) {
            this.publicJwk = publicJwk;
        }

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) && key instanceof PublicKey) {
                return new Ed25519Verifier(publicJwk);
            }
            return fallback.createJWSVerifier(header, key);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Ed25519Verifier.SUPPORTED_ALGORITHMS;
        }

        @Override
        public JCAContext getJCAContext() {
            return fallback.getJCAContext();
        }
    }
}
