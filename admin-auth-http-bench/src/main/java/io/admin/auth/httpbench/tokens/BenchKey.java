package io.admin.auth.httpbench.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.Objects;

/**
 * The fixed RSA 2048 key every benchmark token is signed with (resource {@value #RESOURCE},
 * benchmark-only: it is public in the repository, so it must never protect anything). Fixed so that
 * the tokens of every run have the same shape and the servers can be started before the tokens are
 * minted. Immutable.
 */
public final class BenchKey {

    /** Class-path resource holding the private JWK. */
    public static final String RESOURCE = "/http-bench-key.jwk.json";

    private final RSAKey jwk;

    private BenchKey(RSAKey jwk) {
        this.jwk = Objects.requireNonNull(jwk, "jwk");
        if (!jwk.isPrivate() || jwk.getKeyID() == null) {
            throw new IllegalArgumentException("the bench key must be a private RSA JWK with a kid");
        }
    }

    /**
     * Reads the key from {@value #RESOURCE}.
     *
     * @throws IllegalStateException when the resource is missing or not an RSA JWK
     */
    public static BenchKey load() {
        try (InputStream in = BenchKey.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return new BenchKey(RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(RESOURCE + " is not an RSA JWK", e);
        }
    }

    /** The key id, carried in every token's {@code kid} header. */
    public String kid() {
        return jwk.getKeyID();
    }

    /** The private JWK (signing). */
    public RSAKey privateJwk() {
        return jwk;
    }

    /** The public key, all a resource server is given. */
    public RSAPublicKey publicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable public key", e);
        }
    }

    /** The private key. */
    public RSAPrivateKey privateKey() {
        try {
            return jwk.toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable private key", e);
        }
    }

    /** The public JWK Set ({@code {"keys":[...]}}) a resource server would fetch. */
    public JWKSet publicJwkSet() {
        return new JWKSet(jwk.toPublicJWK());
    }
}
