package io.admin.auth.jdbc;

import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RefreshTokenStore} in table {@code admin_auth_refresh_token}, keyed by token hash.
 *
 * <p>Rotation is one conditional {@code UPDATE ... SET used_at = ? WHERE token_hash = ? AND used_at
 * IS NULL AND revoked_at IS NULL}: the database's row lock lets exactly one of any number of
 * concurrent callers, on any number of nodes, change the row; the update count tells the winner.
 * A row that cannot be read back as a valid record is logged and treated as absent (the grant
 * fails, nothing is issued).
 *
 * <p><b>A family revocation is sticky.</b> When two nodes race on one token, the loser revokes the
 * family while the winner may still be inserting the family's next token; an {@code UPDATE} of
 * the family cannot see that row yet, and the rotated token expires after the rows that were
 * marked. So the revocation is also written to {@code admin_auth_refresh_family_revocation},
 * which every read consults and which the rotation {@code UPDATE} checks: a token saved after its
 * family's revocation is still dead, also once its older siblings are purged. That row is purged
 * only when no token of its family is left.
 */
public final class JdbcRefreshTokenStore implements RefreshTokenStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcRefreshTokenStore.class);
  private static final String FAMILY_REVOCATION = "admin_auth_refresh_family_revocation";
  /**
   * How long a family revocation is kept after its last token is gone. A rotated token is saved
   * within one request after the consume that the revocation raced, so a revocation younger than
   * this may still be about to gain a row that the purge's scan cannot see yet.
   */
  static final Duration REVOCATION_GRACE = Duration.ofMinutes(10);
  private static final String SELECT = "SELECT t.token_hash, t.family_id, t.client_id, t.subject,"
      + " t.scopes, t.issued_at, t.expires_at, t.used_at, COALESCE(t.revoked_at, (SELECT"
      + " r.revoked_at FROM " + FAMILY_REVOCATION + " r WHERE r.family_id = t.family_id))"
      + " AS revoked_at FROM admin_auth_refresh_token t";

  private final Jdbc jdbc;
  private final int batchSize;

  JdbcRefreshTokenStore(Jdbc jdbc, int batchSize) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
  }

  /** {@inheritDoc} */
  @Override
  public void save(RefreshTokenRecord r) {
    Objects.requireNonNull(r, "record");
    jdbc.update("saving a refresh token", "INSERT INTO admin_auth_refresh_token (token_hash,"
        + " family_id, client_id, subject, scopes, issued_at, expires_at, used_at, revoked_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.tokenHash(), r.familyId(), r.clientId(),
        r.subject(), Jdbc.joinTokens(r.scopes()), r.issuedAt(), r.expiresAt(), r.usedAt(),
        r.revokedAt());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<RefreshTokenRecord> find(String tokenHash) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return jdbc.withConnection("reading a refresh token", c -> read(c, tokenHash));
  }

  /** {@inheritDoc} */
  @Override
  public ConsumeResult consume(String tokenHash, Instant now) {
    Objects.requireNonNull(now, "now");
    if (tokenHash == null) {
      return new NotFound();
    }
    return jdbc.inTransaction("consuming a refresh token", c -> {
      int won = Jdbc.update(c, "UPDATE admin_auth_refresh_token SET used_at = ? WHERE token_hash = ?"
          + " AND used_at IS NULL AND revoked_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
          + FAMILY_REVOCATION + " r WHERE r.family_id = admin_auth_refresh_token.family_id)",
          now, tokenHash);
      Optional<RefreshTokenRecord> row = read(c, tokenHash);
      if (row.isEmpty()) {
        // Absent, or present but unreadable: nothing is issued either way.
        return new NotFound();
      }
      RefreshTokenRecord r = row.get();
      if (won == 1) {
        return new Consumed(r);
      }
      return r.usedAt() != null ? new AlreadyUsed(r) : new Revoked(r);
    });
  }

  /**
   * {@inheritDoc} The family's revocation row is written first, in the same transaction as the
   * marking of its token rows; an existing row keeps its earlier instant.
   */
  @Override
  public void revokeFamily(String familyId, Instant now) {
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(now, "now");
    jdbc.inTransaction("revoking a refresh-token family", c -> {
      Jdbc.update(c, insertFamilyRevocation(jdbc.dialect()), familyId, now);
      Jdbc.update(c, "UPDATE admin_auth_refresh_token SET revoked_at = ? WHERE family_id = ?"
          + " AND revoked_at IS NULL", now, familyId);
      return null;
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>A scan of the token table by subject and client: withdrawing a consent is rare.
   */
  @Override
  public Optional<Set<String>> familiesOf(String subject, String clientId) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(clientId, "clientId");
    List<String> families = jdbc.withConnection("listing a person's refresh-token families",
        c -> Jdbc.query(c, "SELECT DISTINCT family_id FROM admin_auth_refresh_token WHERE"
            + " subject = ? AND client_id = ?", rs -> rs.getString("family_id"), subject,
            clientId));
    return Optional.of(Set.copyOf(families));
  }

  /**
   * {@inheritDoc} Deletes in batches of at most {@code batchSize} rows, each its own short
   * statement, so a large backlog never holds long locks. Then forgets the revocations of
   * families with no token left, once they are older than {@link #REVOCATION_GRACE}; those are
   * not counted.
   */
  @Override
  public int purgeExpired(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    int deleted = Purges.inBatches(jdbc, "admin_auth_refresh_token", "token_hash",
        "expires_at <= ?", cutoff, batchSize, Integer.MAX_VALUE);
    Purges.inBatches(jdbc, FAMILY_REVOCATION, "family_id", "revoked_at <= ? AND NOT EXISTS"
        + " (SELECT 1 FROM admin_auth_refresh_token t WHERE t.family_id = " + FAMILY_REVOCATION
        + ".family_id)", cutoff.minus(REVOCATION_GRACE), batchSize, Integer.MAX_VALUE);
    return deleted;
  }

  // Insert-if-absent that neither overwrites the first instant nor fails when two nodes race.
  private static String insertFamilyRevocation(Dialect dialect) {
    if (dialect == Dialect.POSTGRESQL) {
      return "INSERT INTO " + FAMILY_REVOCATION + " (family_id, revoked_at) VALUES (?, ?)"
          + " ON CONFLICT (family_id) DO NOTHING";
    }
    return "MERGE INTO " + FAMILY_REVOCATION + " r USING (VALUES (CAST(? AS VARCHAR(128)),"
        + " CAST(? AS TIMESTAMP WITH TIME ZONE))) s(f, at) ON r.family_id = s.f"
        + " WHEN NOT MATCHED THEN INSERT (family_id, revoked_at) VALUES (s.f, s.at)";
  }

  private static Optional<RefreshTokenRecord> read(Connection c, String tokenHash)
      throws SQLException {
    List<Optional<RefreshTokenRecord>> rows =
        Jdbc.query(c, SELECT + " WHERE t.token_hash = ?", JdbcRefreshTokenStore::map, tokenHash);
    return rows.isEmpty() ? Optional.empty() : rows.get(0);
  }

  private static Optional<RefreshTokenRecord> map(ResultSet rs) throws SQLException {
    try {
      return Optional.of(new RefreshTokenRecord(rs.getString("token_hash"),
          rs.getString("family_id"), rs.getString("client_id"), rs.getString("subject"),
          Jdbc.splitTokens(rs.getString("scopes")), Jdbc.instant(rs, "issued_at"),
          Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "used_at"),
          Jdbc.instant(rs, "revoked_at")));
    } catch (RuntimeException e) {
      // The hash is a lookup key for a live credential: only the family is named.
      LOG.error("admin_auth_refresh_token row of family {} is corrupted ({}); the refresh token is"
          + " rejected", rs.getString("family_id"), e.getMessage());
      return Optional.empty();
    }
  }
}
