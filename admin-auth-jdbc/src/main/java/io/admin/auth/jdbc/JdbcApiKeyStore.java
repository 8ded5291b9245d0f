package io.admin.auth.jdbc;

import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.spi.ApiKeyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ApiKeyStore} in table {@code admin_auth_api_key}. Every mutation is one conditional
 * {@code UPDATE ... WHERE id = ?} (plus a read in the same transaction), so a rotation racing a
 * revocation on another node cannot resurrect a revoked key. A row that cannot be read back as a
 * valid key is logged and treated as absent: the key fails authentication.
 */
public final class JdbcApiKeyStore implements ApiKeyStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcApiKeyStore.class);
  private static final String SELECT = "SELECT id, name, owner, scopes, created_at, expires_at,"
      + " last_used_at, revoked_at, secret_hash, previous_secret_hash, previous_secret_expires_at"
      + " FROM admin_auth_api_key";

  private final Jdbc jdbc;
  private final int batchSize;

  JdbcApiKeyStore(Jdbc jdbc, int batchSize) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.batchSize = batchSize;
  }

  /** {@inheritDoc} */
  @Override
  public boolean insert(ApiKey k) {
    Objects.requireNonNull(k, "key");
    return jdbc.withConnection("storing an API key", c -> {
      try {
        Jdbc.update(c, "INSERT INTO admin_auth_api_key (id, name, owner, scopes, created_at,"
            + " expires_at, last_used_at, revoked_at, secret_hash, previous_secret_hash,"
            + " previous_secret_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", k.id(),
            k.name(), k.owner(), Jdbc.joinTokens(k.scopes()), k.createdAt(), k.expiresAt(),
            k.lastUsedAt(), k.revokedAt(), k.secretHash(), k.previousSecretHash(),
            k.previousSecretExpiresAt());
        return true;
      } catch (SQLException e) {
        if (Jdbc.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    });
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ApiKey> findById(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return jdbc.withConnection("reading an API key", c -> read(c, id));
  }

  /** {@inheritDoc} */
  @Override
  public List<ApiKey> findByOwner(String owner) {
    return list("listing API keys", SELECT + " WHERE owner = ? ORDER BY created_at, id", owner);
  }

  /** {@inheritDoc} */
  @Override
  public List<ApiKey> findAll() {
    return list("listing API keys", SELECT + " ORDER BY created_at, id");
  }

  /** {@inheritDoc} */
  @Override
  public Optional<ApiKey> rotate(String id, String newSecretHash, Instant previousValidUntil) {
    Objects.requireNonNull(newSecretHash, "newSecretHash");
    // SET expressions read the row as it was before the update, so secret_hash on the right is
    // the current hash moving to previous_secret_hash.
    String set = previousValidUntil == null
        ? "previous_secret_hash = NULL, previous_secret_expires_at = NULL, secret_hash = ?"
        : "previous_secret_hash = secret_hash, previous_secret_expires_at = ?, secret_hash = ?";
    Object[] params = previousValidUntil == null
        ? new Object[] {newSecretHash, id}
        : new Object[] {previousValidUntil, newSecretHash, id};
    return jdbc.inTransaction("rotating an API key", c -> {
      int n = Jdbc.update(c, "UPDATE admin_auth_api_key SET " + set
          + " WHERE id = ? AND revoked_at IS NULL", params);
      return n == 1 ? read(c, id) : Optional.<ApiKey>empty();
    });
  }

  /** {@inheritDoc} */
  @Override
  public boolean revoke(String id, Instant at) {
    Objects.requireNonNull(at, "at");
    if (id == null) {
      return false;
    }
    return jdbc.inTransaction("revoking an API key", c -> {
      Jdbc.update(c, "UPDATE admin_auth_api_key SET revoked_at = ? WHERE id = ?"
          + " AND revoked_at IS NULL", at, id);
      return !Jdbc.query(c, "SELECT id FROM admin_auth_api_key WHERE id = ?", rs -> 1, id)
          .isEmpty();
    });
  }

  /** {@inheritDoc} One batched statement in one transaction. */
  @Override
  public void recordLastUsed(Map<String, Instant> lastUsedById) {
    if (lastUsedById.isEmpty()) {
      return;
    }
    jdbc.inTransaction("recording API key use", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE admin_auth_api_key SET"
          + " last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
        for (Map.Entry<String, Instant> e : lastUsedById.entrySet()) {
          Jdbc.bind(ps, e.getValue(), e.getKey(), e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /**
   * Deletes keys that expired or were revoked before {@code cutoff}, in bounded batches. The
   * background purge calls it with {@code now} minus a retention, so recently dead keys still
   * show in listings.
   *
   * @param cutoff keys revoked, or else expired, strictly before this instant are deleted
   * @return how many were deleted
   */
  public int purgeDeadBefore(Instant cutoff) {
    return Purges.inBatches(jdbc, "admin_auth_api_key", "id",
        "COALESCE(revoked_at, expires_at) < ?", cutoff, batchSize, Integer.MAX_VALUE);
  }

  private List<ApiKey> list(String what, String sql, Object... params) {
    List<ApiKey> out = new ArrayList<>();
    jdbc.query(what, sql, JdbcApiKeyStore::map, params).forEach(o -> o.ifPresent(out::add));
    return List.copyOf(out);
  }

  private static Optional<ApiKey> read(Connection c, String id) throws SQLException {
    List<Optional<ApiKey>> rows = Jdbc.query(c, SELECT + " WHERE id = ?", JdbcApiKeyStore::map, id);
    return rows.isEmpty() ? Optional.empty() : rows.get(0);
  }

  private static Optional<ApiKey> map(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    try {
      return Optional.of(new ApiKey(id, rs.getString("name"), rs.getString("owner"),
          Jdbc.splitTokens(rs.getString("scopes")), Jdbc.instant(rs, "created_at"),
          Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "last_used_at"),
          Jdbc.instant(rs, "revoked_at"), rs.getString("secret_hash"),
          rs.getString("previous_secret_hash"), Jdbc.instant(rs, "previous_secret_expires_at")));
    } catch (RuntimeException e) {
      LOG.error("admin_auth_api_key row id={} is corrupted ({}); the key is treated as unknown",
          id, e.getMessage());
      return Optional.empty();
    }
  }
}
