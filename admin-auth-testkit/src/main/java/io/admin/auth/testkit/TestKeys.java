package io.admin.auth.testkit;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwkSets;
import io.admin.auth.core.key.KeyRing;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.spi.SigningKeyStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One signing key for tests (RS256 by default, as the library): what {@link TestTokens} signs
 * with and what a verifier under test trusts. Immutable; {@link #toString()} never prints key
 * material.
 *
 * <p>A generated key's {@code kid} starts with {@link AccessTokenVerifier#TEST_KEY_ID_PREFIX}
 * ({@code test-}), which production verifiers refuse: a verifier, token service or trusted issuer
 * trusts these keys only when built with {@code acceptTestKeys(true)}, as {@link TestTokens},
 * the JUnit extension and the mock authorization server do.
 *
 * <p>Keys can be saved to and loaded from a small JSON key file ({@link #write}, {@link #read}), so
 * that the command-line minter and a server share them. The file holds the private key: it is
 * created readable by its owner only, and is for tests and local development, never production.
 */
public final class TestKeys {

  /** The key times of keys read from a file: only key rotation reads them, and nothing rotates a file. */
  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

  private final SigningKey key;

  private TestKeys(SigningKey key) {
    this.key = Objects.requireNonNull(key, "key");
    if (key.state() != KeyState.ACTIVE) {
      throw new IllegalArgumentException("a test key must be ACTIVE");
    }
  }

  /**
   * A fresh RS256 key with a random {@code test-} {@code kid}, active from now on the system clock.
   *
   * @return a new key, different on every call
   */
  public static TestKeys generate() {
    return generate(SigningAlgorithm.RS256, Clock.systemUTC());
  }

  /**
   * A fresh key for {@code algorithm} with a random {@code kid}, active from now on the system
   * clock.
   *
   * @param algorithm the JWS algorithm; not null
   * @return a new key, different on every call
   */
  public static TestKeys generate(SigningAlgorithm algorithm) {
    return generate(algorithm, Clock.systemUTC());
  }

  /**
   * A fresh key for {@code algorithm}, created and activated at {@code clock}'s now: a token
   * service using it under the same clock will not rotate it away at once.
   *
   * @param algorithm the JWS algorithm; not null
   * @param clock read once, for the key's creation and activation time
   * @return a new key, different on every call
   */
  public static TestKeys generate(SigningAlgorithm algorithm, Clock clock) {
    SigningKey random = new SigningKeys(new SecureRandom())
        .generate(Objects.requireNonNull(algorithm, "algorithm"), KeyState.ACTIVE, clock.instant());
    return new TestKeys(new SigningKey(AccessTokenVerifier.TEST_KEY_ID_PREFIX + random.kid(),
        random.algorithm(), random.state(), random.createdAt(), random.activatedAt(),
        random.retiredAt(), random.signingKey(), random.verificationKey()));
  }

  /**
   * Wraps an existing {@code ACTIVE} key (for example one read from a key store).
   *
   * @param key the key to sign with, private part included; not null
   * @return the key wrapped, its {@code kid} unchanged (no {@code test-} prefix is added)
   * @throws IllegalArgumentException when {@code key} is not {@code ACTIVE}
   */
  public static TestKeys of(SigningKey key) {
    return new TestKeys(key);
  }

  /**
   * The key itself, private part included.
   *
   * @return the wrapped key, always {@code ACTIVE}
   */
  public SigningKey signingKey() {
    return key;
  }

  /**
   * The {@code kid} header value of tokens signed with this key.
   *
   * @return the key id; starts with {@code test-} for a generated key
   */
  public String kid() {
    return key.kid();
  }

  /**
   * The JWS algorithm.
   *
   * @return the algorithm tokens signed with this key name in their {@code alg} header
   */
  public SigningAlgorithm algorithm() {
    return key.algorithm();
  }

  /**
   * A one-key ring, as the core's token service uses.
   *
   * @return a new ring whose only, active key is this one
   */
  public KeyRing keyRing() {
    return KeyRing.of(List.of(key));
  }

  /**
   * Finds this key by {@code kid} and nothing else: for {@code
   * AccessTokenVerifier.builder().keys(..)}.
   *
   * @return a resolver that answers this key for its {@code kid} and empty for any other
   */
  public AccessTokenVerifier.KeyResolver resolver() {
    return kid -> key.kid().equals(kid) ? Optional.of(key) : Optional.empty();
  }

  /**
   * A new in-memory key store holding this key as the active one, so that a
   * {@code DefaultTokenService} built on it signs and verifies with it.
   *
   * @return a new store on every call; changes to it do not reach other stores
   */
  public SigningKeyStore keyStore() {
    InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    store.add(key);
    return store;
  }

  /**
   * The public JWK Set document (RFC 7517) of this key; empty {@code keys} for HS256.
   *
   * @return a JSON object with a {@code keys} array holding at most this key's public JWK
   */
  public String jwkSetJson() {
    return JwkSets.toJson(keyRing());
  }

  /**
   * Saves the key to {@code file} (JSON: kid, alg, PKCS#8 private and X.509 public key in base64),
   * readable by its owner only where the file system supports POSIX permissions.
   *
   * @param file where to save; parent folders are created, the file itself must not exist
   * @throws FileAlreadyExistsException if the file exists (a key is never overwritten silently)
   */
  public void write(Path file) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kid", key.kid());
    json.put("alg", key.algorithm().jwsName());
    json.put("private", Base64.getEncoder().encodeToString(key.encodedSigningKey()));
    json.put("public", Base64.getEncoder().encodeToString(key.encodedVerificationKey()));
    byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * Loads a key saved by {@link #write}.
   *
   * @param file a key file written by {@link #write}
   * @return the key, {@code ACTIVE}, with the file's {@code kid}
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when it is not a key file
   */
  public static TestKeys read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, Object> json = Json.parseObject(text)
        .orElseThrow(() -> new IllegalArgumentException(file + " is not a JSON key file"));
    String kid = field(json, "kid", file);
    SigningAlgorithm alg = SigningAlgorithm.fromJwsName(field(json, "alg", file))
        .orElseThrow(() -> new IllegalArgumentException(file + ": unknown alg"));
    try {
      return new TestKeys(SigningKey.fromEncoded(kid, alg, KeyState.ACTIVE, EPOCH, EPOCH, null,
          Base64.getDecoder().decode(field(json, "private", file)),
          Base64.getDecoder().decode(field(json, "public", file))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": not a valid " + alg.jwsName() + " key", e);
    }
  }

  private static String field(Map<String, Object> json, String name, Path file) {
    if (json.get(name) instanceof String s && !s.isEmpty()) {
      return s;
    }
    throw new IllegalArgumentException(file + ": missing \"" + name + "\"");
  }

  /** Never prints key material. */
  @Override
  public String toString() {
    return "TestKeys[kid=" + key.kid() + ", alg=" + key.algorithm().jwsName() + "]";
  }
}
