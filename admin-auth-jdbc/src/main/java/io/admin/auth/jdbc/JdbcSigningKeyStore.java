package io.admin.auth.jdbc;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.spi.SigningKeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SigningKeyStore} in table {@code admin_auth_signing_key}; private keys (and HS256 secrets) sealed
 * with AES-256-GCM under the {@link KeyEncryptionKey}, the AAD binding kid, algorithm and public
 * key (see {@link PrivateKeyCipher}).
 *
 * <p><b>Coordinated rotation.</b> The core's key rotator runs on every node. To make one node
 * rotate, {@link #add} runs under a database lock ({@code pg_advisory_xact_lock} on PostgreSQL,
 * {@code SELECT ... FOR UPDATE} of a lock row on H2) and refuses a key that would duplicate a
 * rotation step another node has just taken: a new {@code NEXT} key while one is pending, or a new
 * {@code ACTIVE} key when an active or next key exists. The rotator then simply reloads and uses
 * the other node's key. Promotion and retirement are conditional updates ({@link #replace}).
 *
 * <p><b>Fail closed.</b> A row whose sealed key does not open (wrong KEK, edited kid, algorithm
 * or public key, corrupted bytes) or does not decode is left out of {@link #findAll()} with one
 * ERROR log line per kid: it never signs, and tokens bearing its kid are rejected as unknown.
 */
public final class JdbcSigningKeyStore implements SigningKeyStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSigningKeyStore.class);

  private static final String SELECT = "SELECT kid, algorithm, state, created_at, activated_at,"
      + " retired_at, public_key, private_key_sealed FROM admin_auth_signing_key";

  private final Jdbc jdbc;
  private final PrivateKeyCipher cipher;
  private final Set<String> reportedBadKids = ConcurrentHashMap.newKeySet();

  JdbcSigningKeyStore(Jdbc jdbc, PrivateKeyCipher cipher) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  /** {@inheritDoc} Unreadable rows are left out (see the class comment). */
  @Override
  public List<SigningKey> findAll() {
    List<SigningKey> out = new ArrayList<>();
    jdbc.query("reading signing keys", SELECT + " ORDER BY kid", this::map).forEach(o -> o.ifPresent(out::add));
    return List.copyOf(out);
  }

  /**
   * {@inheritDoc} Also {@code false} when the key would repeat a rotation step another node has
   * just taken (see the class comment).
   */
  @Override
  public boolean add(SigningKey key) {
    Objects.requireNonNull(key, "key");
    byte[] publicKey = key.algorithm().isSymmetric() ? null : key.encodedVerificationKey();
    byte[] sealed = cipher.seal(aad(key.kid(), key.algorithm(), publicKey), key.encodedSigningKey());
    return jdbc.inTransaction("adding a signing key", c -> {
      DbLock.KEY_ROTATION.acquire(c, jdbc.dialect());
      if (stepAlreadyTaken(c, key.state())) {
        LOG.debug("not adding {} key {}: another node took this rotation step", key.state(),
            key.kid());
        return false;
      }
      if (!Jdbc.query(c, "SELECT kid FROM admin_auth_signing_key WHERE kid = ?", rs -> 1,
          key.kid()).isEmpty()) {
        return false;
      }
      Jdbc.update(c, "INSERT INTO admin_auth_signing_key (kid, algorithm, state, created_at,"
          + " activated_at, retired_at, public_key, private_key_sealed)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key.kid(), key.algorithm().name(),
          key.state().name(), key.createdAt(), key.activatedAt(), key.retiredAt(), publicKey,
          sealed);
      return true;
    });
  }

  /** {@inheritDoc} Only the lifecycle columns change; a kid's key material never does. */
  @Override
  public boolean replace(SigningKey expected, SigningKey replacement) {
    if (!expected.kid().equals(replacement.kid())) {
      throw new IllegalArgumentException("kids differ");
    }
    if (expected.algorithm() != replacement.algorithm()
        || !Arrays.equals(expected.encodedSigningKey(), replacement.encodedSigningKey())) {
      throw new IllegalArgumentException("replace changes the lifecycle only, not key material");
    }
    return jdbc.update("updating a signing key", "UPDATE admin_auth_signing_key SET state = ?,"
        + " activated_at = ?, retired_at = ? WHERE kid = ? AND state = ?",
        replacement.state().name(), replacement.activatedAt(), replacement.retiredAt(),
        expected.kid(), expected.state().name()) == 1;
  }

  /** {@inheritDoc} */
  @Override
  public boolean remove(String kid) {
    return kid != null && jdbc.update("removing a signing key",
        "DELETE FROM admin_auth_signing_key WHERE kid = ?", kid) == 1;
  }

  // Only usable keys count: an unreadable ACTIVE row must not block creating a working key.
  private boolean stepAlreadyTaken(Connection c, KeyState state) throws SQLException {
    String pending = switch (state) {
      case NEXT -> "'NEXT'";
      case ACTIVE -> "'NEXT', 'ACTIVE'";
      case RETIRED -> null;
    };
    return pending != null && Jdbc.query(c, SELECT + " WHERE state IN (" + pending + ")", this::map)
        .stream().anyMatch(Optional::isPresent);
  }

  static byte[] aad(String kid, SigningAlgorithm algorithm, byte[] publicKey) {
    return PrivateKeyCipher.aad(PrivateKeyCipher.aad("admin-auth", "signing-key", "v1", kid,
        algorithm.name()), publicKey == null ? new byte[0] : publicKey);
  }

  private Optional<SigningKey> map(ResultSet rs) throws SQLException {
    String kid = rs.getString("kid");
    try {
      SigningAlgorithm algorithm = SigningAlgorithm.valueOf(rs.getString("algorithm"));
      KeyState state = KeyState.valueOf(rs.getString("state"));
      byte[] publicKey = rs.getBytes("public_key");
      Optional<byte[]> secret =
          cipher.open(aad(kid, algorithm, publicKey), rs.getBytes("private_key_sealed"));
      if (secret.isEmpty()) {
        return skip(kid, "its private key does not decrypt: wrong " + KeyEncryptionKey.SETTING
            + ", or the row (kid, algorithm, public key or sealed key) was altered");
      }
      return Optional.of(SigningKey.fromEncoded(kid, algorithm, state,
          Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "activated_at"),
          Jdbc.instant(rs, "retired_at"), secret.get(),
          algorithm.isSymmetric() ? secret.get() : publicKey));
    } catch (RuntimeException e) {
      return skip(kid, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private Optional<SigningKey> skip(String kid, String why) {
    if (reportedBadKids.add(String.valueOf(kid))) {
      LOG.error("signing key kid={} in admin_auth_signing_key is unusable and ignored ({}); it"
          + " never signs and tokens bearing it are rejected", kid, why);
    } else {
      LOG.debug("signing key kid={} still unusable", kid);
    }
    return Optional.empty();
  }
}
