package io.admin.auth.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;

/** The four JWS algorithms every table covers, with the names each API wants for them. */
public enum BenchAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256, 2048-bit key (RFC 7518 section 3.3). */
    RS256(JWSAlgorithm.RS256, "SHA256withRSA"),
    /** ECDSA P-256 with SHA-256, signature as fixed-length R||S (RFC 7518 section 3.4). */
    ES256(JWSAlgorithm.ES256, "SHA256withECDSAinP1363Format"),
    /** Ed25519 (RFC 8037 section 3.1). */
    EdDSA(JWSAlgorithm.EdDSA, "Ed25519"),
    /** HMAC with SHA-256, 256-bit secret (RFC 7518 section 3.2). */
    HS256(JWSAlgorithm.HS256, "HmacSHA256");

    private final JWSAlgorithm jose;
    private final String jcaName;

    BenchAlgorithm(JWSAlgorithm jose, String jcaName) {
        this.jose = jose;
        this.jcaName = jcaName;
    }

    /**
     * @param name the JOSE {@code alg} value as used in {@code @Param}
     * @return the matching constant
     * @throws IllegalArgumentException if unknown
     */
    public static BenchAlgorithm fromJoseName(String name) {
        return valueOf(name);
    }

    /** @return the Nimbus algorithm */
    public JWSAlgorithm jose() {
        return jose;
    }

    /** @return the JCA {@code Signature} or {@code Mac} algorithm producing the JWS signature bytes directly */
    public String jcaName() {
        return jcaName;
    }

    /** @return whether this is a MAC rather than a signature */
    public boolean isMac() {
        return this == HS256;
    }

    /** @return the {@code kid} of the fixed benchmark key */
    public String keyId() {
        return "bench-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
