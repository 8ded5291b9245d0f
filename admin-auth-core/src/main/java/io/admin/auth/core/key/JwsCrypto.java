package io.admin.auth.core.key;

import io.admin.auth.core.internal.jose.BcEngines;
import io.admin.auth.core.internal.jose.JcaEngine;
import io.admin.auth.core.internal.jose.KeyEngine;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.VerificationKey;
import io.admin.auth.core.spi.SigningKey;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes and checks JWS signatures (RFC 7518 section 3, RFC 8037) so that the verification hot
 * path costs little more than the signature arithmetic itself.
 *
 * <p>This is the seam for provider choice. {@link #defaults()}, the library default, uses
 * BouncyCastle's lightweight API for ES256 and EdDSA (measured several times faster than JDK 17's
 * SunEC, see BENCHMARKS.md) and the JDK for RS256, PS256 and HS256; BouncyCastle is called
 * directly, never registered with {@code java.security.Security}. {@link #jdk()} uses only the JDK's
 * providers, {@link #withProviders(Map)} given JCA providers per algorithm.
 *
 * <p>Per-key state (initialised JCA engines in a small pool, decoded BouncyCastle keys) is kept for
 * at most {@value #MAX_KEYS} keys, found by {@code kid} and rebuilt when the key object for a kid
 * changes. Thread-safe.
 */
public final class JwsCrypto {

  /** How many keys' engines are kept; more means the cache is cleared and rebuilt on use. */
  static final int MAX_KEYS = 64;

  private static final Set<SigningAlgorithm> BC_LIGHTWEIGHT =
      Set.of(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA);

  private final Map<SigningAlgorithm, Provider> providers;
  private final Set<SigningAlgorithm> lightweight;
  private final ConcurrentHashMap<String, Slot> engines = new ConcurrentHashMap<>();

  private JwsCrypto(Map<SigningAlgorithm, Provider> providers, Set<SigningAlgorithm> lightweight) {
    this.providers = providers;
    this.lightweight = lightweight;
  }

  /**
   * The library default: BouncyCastle's lightweight ECDSA (RFC 6979 deterministic nonces) and
   * Ed25519 for ES256 and EdDSA, the JDK's providers for RS256, PS256 and HS256.
   *
   * @return the default provider choice
   */
  public static JwsCrypto defaults() {
    return new JwsCrypto(Map.of(), BC_LIGHTWEIGHT);
  }

  /**
   * JDK providers for every algorithm.
   *
   * @return a provider choice with the JDK's providers only
   */
  public static JwsCrypto jdk() {
    return new JwsCrypto(Map.of(), Set.of());
  }

  /**
   * The given JCA providers (passed by instance, for example {@code new BouncyCastleProvider()}) for
   * the listed algorithms, the JDK's for the rest.
   *
   * @param providers the provider per algorithm; the JDK's for any algorithm not in it
   * @return a provider choice using those providers
   */
  public static JwsCrypto withProviders(Map<SigningAlgorithm, Provider> providers) {
    return new JwsCrypto(providers.isEmpty() ? Map.of() : new EnumMap<>(providers), Set.of());
  }

  /**
   * The JWS signature of {@code signingInput} (ES256 as raw R||S, as RFC 7518 3.4 requires).
   *
   * @param key the signing key, private or HS256 secret
   * @param signingInput the bytes to sign: the encoded header, {@code '.'}, the encoded claims
   * @return the signature bytes, not base64url-encoded
   */
  public byte[] sign(SigningKey key, byte[] signingInput) {
    return sign(key, signingInput, signingInput.length);
  }

  /**
   * The JWS signature of the first {@code length} bytes of {@code data}, so an issuer can sign in
   * place in the buffer it assembles the token in.
   *
   * @param key the signing key, private or HS256 secret
   * @param data the buffer starting with the signing input
   * @param length how many bytes of {@code data} to sign
   * @return the signature bytes, not base64url-encoded
   * @throws IllegalStateException when the key cannot sign
   */
  public byte[] sign(SigningKey key, byte[] data, int length) {
    Objects.requireNonNull(key, "key");
    Objects.checkFromIndexSize(0, length, data.length);
    try {
      return engine(key).sign(data, length);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("signing with " + key.algorithm() + " failed", e);
    }
  }

  /**
   * Whether {@code jwsSignature} is a valid signature of {@code signingInput} under {@code key}
   * (a {@link SigningKey} or a public-only {@link PublicVerificationKey}). False for any malformed
   * signature; never throws for bad input.
   *
   * @param key the verification key; its algorithm decides the check
   * @param signingInput the signed bytes; {@code null} gives {@code false}
   * @param jwsSignature the signature bytes, decoded from base64url
   * @return {@code true} only for a valid signature
   */
  public boolean verify(VerificationKey key, byte[] signingInput, byte[] jwsSignature) {
    return signingInput != null && verify(key, signingInput, signingInput.length, jwsSignature);
  }

  /**
   * Whether {@code jwsSignature} is valid for the first {@code length} bytes of {@code data} (so a
   * verifier can pass a whole encoded token without copying out the signing input). False for any
   * malformed signature or out-of-range length; never throws for bad input.
   *
   * @param key the verification key; its algorithm decides the check
   * @param data the buffer starting with the signing input; {@code null} gives {@code false}
   * @param length how many bytes of {@code data} were signed
   * @param jwsSignature the signature bytes, decoded from base64url
   * @return {@code true} only for a valid signature
   */
  public boolean verify(VerificationKey key, byte[] data, int length, byte[] jwsSignature) {
    if (data == null || length < 0 || length > data.length) {
      return false;
    }
    try {
      return engine(key).verify(data, length, jwsSignature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private KeyEngine engine(VerificationKey key) {
    Slot slot = engines.get(key.kid());
    if (slot != null && slot.isFor(key)) {
      return slot.engine();
    }
    KeyEngine engine = lightweight.contains(key.algorithm())
        ? BcEngines.forKey(key)
        : new JcaEngine(key, providers.get(key.algorithm()));
    if (engines.size() >= MAX_KEYS) {
      // Only a misuse (thousands of kids) gets here; starting over keeps memory bounded.
      engines.clear();
    }
    engines.put(key.kid(), new Slot(key, engine));
    return engine;
  }

  /**
   * The engine built for one key object; a different object under the same kid is a new key, and
   * so is a public-only key under the kid of a signing key (it has no private half to sign with).
   */
  private record Slot(VerificationKey key, KeyEngine engine) {
    boolean isFor(VerificationKey other) {
      return key == other || (key.algorithm() == other.algorithm()
          && key.verificationKey() == other.verificationKey()
          && privateHalf(key) == privateHalf(other));
    }

    private static Object privateHalf(VerificationKey k) {
      return k instanceof SigningKey s ? s.signingKey() : null;
    }

    @Override
    public String toString() {
      return "Slot[kid=" + key.kid() + "]";
    }
  }
}
