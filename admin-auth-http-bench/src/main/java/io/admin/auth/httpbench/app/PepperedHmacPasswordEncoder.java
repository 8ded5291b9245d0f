package io.admin.auth.httpbench.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Makes Spring Authorization Server's client-secret check comparable with ours: HMAC-SHA-256 under a
 * server-side pepper, compared in constant time, with the keyed {@link Mac} cloned per call as our
 * {@code SecretHasher} does. Spring's default ({@code DelegatingPasswordEncoder}, bcrypt) would spend
 * milliseconds per request on a deliberately slow hash, which would measure bcrypt rather than the
 * token endpoint. Thread-safe: the prototype is never used after {@code init} except to be cloned.
 */
public final class PepperedHmacPasswordEncoder implements PasswordEncoder {

    private final Mac prototype;

    /** An encoder keyed by {@code pepper} (at least 32 bytes). */
    public PepperedHmacPasswordEncoder(byte[] pepper) {
        Objects.requireNonNull(pepper, "pepper");
        if (pepper.length < 32) {
            throw new IllegalArgumentException("pepper must be at least 32 bytes");
        }
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(pepper, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The stored form: base64url of the HMAC of the secret. */
    @Override
    public String encode(CharSequence rawPassword) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(rawPassword));
    }

    /** Whether {@code rawPassword} hashes to {@code encodedPassword}, compared in constant time. */
    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(encodedPassword);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(rawPassword), expected);
    }

    private byte[] mac(CharSequence raw) {
        try {
            Mac mac = (Mac) prototype.clone();
            return mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }
}
