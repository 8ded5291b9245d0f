package io.admin.auth.jdbc;

import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuthorizationCodeStore} in table {@code admin_auth_authorization_code}, keyed by the
 * code's keyed hash (the code itself is never stored).
 *
 * <p>Redeeming is one conditional {@code UPDATE ... SET redeemed_at = ? WHERE code_hash = ? AND
 * redeemed_at IS NULL}: the database's row lock lets exactly one of any number of concurrent
 * callers, on any number of nodes, change the row, and the update count tells the winner; the row
 * is then read back in the same transaction to tell a replay from an unknown code. A row that
 * cannot be read back as a valid code is logged and treated as unknown (nothing is issued).
 *
 * <p>Column sizes bound what is stored: redirect URIs up to {@value #MAX_REDIRECT_URI}
 * characters, nonces up to {@value #MAX_NONCE}, subjects and client ids up to {@value #MAX_ID},
 * PKCE challenges up to {@value #MAX_CHALLENGE}; {@link #save} refuses longer values with an
 * {@link IllegalArgumentException} naming the field.
 */
public final class JdbcAuthorizationCodeStore implements AuthorizationCodeStore {

  /** The longest redirect URI stored, in characters. */
  public static final int MAX_REDIRECT_URI = 2000;
  /** The longest OpenID Connect {@code nonce} stored, in characters. */
  public static final int MAX_NONCE = 512;
  /** The longest subject, client id or session id stored, in characters. */
  public static final int MAX_ID = 255;
  /** The longest PKCE {@code code_challenge} stored (RFC 7636 allows 43 to 128). */
  public static final int MAX_CHALLENGE = 128;
  /**
   * How long a code is kept after it expires before the purge deletes it, so that a replay is
   * still recognised as one (and the tokens issued through the code are revoked) rather than
   * answered as an unknown code: as long as an access token issued from it can live, the longest
   * access-token lifetime (one hour) plus the largest clock skew (five minutes), which is what
   * the token service itself keeps.
   */
  public static final Duration REPLAY_WINDOW = Duration.ofMinutes(65);

  private static final Logger LOG = LoggerFactory.getLogger(JdbcAuthorizationCodeStore.class);
  private static final String TABLE = "admin_auth_authorization_code";
  private static final String SELECT = "SELECT code_hash, client_id, redirect_uri, code_challenge,"
      + " subject, scopes, nonce, auth_time, session_id, grant_id, issued_at, expires_at,"
      + " redeemed_at FROM " + TABLE + " WHERE code_hash = ?";

  private final Jdbc jdbc;
  private final int batchSize;

  JdbcAuthorizationCodeStore(Jdbc jdbc, int batchSize) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
  }

  /** {@inheritDoc} */
  @Override
  public void save(AuthorizationCode code) {
    Objects.requireNonNull(code, "code");
    Object[] values = {Jdbc.fitting("code hash", code.codeHash(), 128),
        Jdbc.fitting("client id", code.clientId(), MAX_ID),
        Jdbc.fitting("redirect URI", code.redirectUri(), MAX_REDIRECT_URI),
        Jdbc.fitting("code challenge", code.codeChallenge(), MAX_CHALLENGE),
        Jdbc.fitting("subject", code.subject(), MAX_ID),
        Jdbc.fitting("scopes", Jdbc.joinTokens(code.scopes()), 4000),
        Jdbc.fitting("nonce", code.nonce(), MAX_NONCE), code.authTime(),
        Jdbc.fitting("session id", code.sessionId(), MAX_ID),
        Jdbc.fitting("grant id", code.grantId(), 128), code.issuedAt(), code.expiresAt(),
        code.redeemedAt()};
    boolean saved = jdbc.withConnection("saving an authorization code", c -> {
      try {
        Jdbc.update(c, "INSERT INTO " + TABLE + " (code_hash, client_id, redirect_uri,"
            + " code_challenge, subject, scopes, nonce, auth_time, session_id, grant_id, issued_at,"
            + " expires_at, redeemed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        return true;
      } catch (SQLException e) {
        if (Jdbc.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    });
    if (!saved) {
      throw new IllegalArgumentException("duplicate authorization code hash");
    }
  }

  /** {@inheritDoc} */
  @Override
  public RedeemResult redeem(String codeHash, Instant now) {
    Objects.requireNonNull(now, "now");
    if (codeHash == null) {
      return new NotFound();
    }
    return jdbc.inTransaction("redeeming an authorization code", c -> {
      int won = Jdbc.update(c, "UPDATE " + TABLE + " SET redeemed_at = ? WHERE code_hash = ?"
          + " AND redeemed_at IS NULL", now, codeHash);
      Optional<AuthorizationCode> row = read(c, codeHash);
      if (row.isEmpty()) {
        // Absent, or present but unreadable: nothing is issued either way.
        return new NotFound();
      }
      if (won == 1) {
        return new Redeemed(row.get());
      }
      // Not changed and not redeemed: the row appeared after the UPDATE looked; it was not there.
      return row.get().redeemedAt() != null ? new AlreadyRedeemed(row.get()) : new NotFound();
    });
  }

  /** {@inheritDoc} Deletes in batches of at most {@code batchSize} rows, each its own statement. */
  @Override
  public int purgeExpired(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return Purges.inBatches(jdbc, TABLE, "code_hash", "expires_at <= ?", cutoff, batchSize,
        Integer.MAX_VALUE);
  }

  private static Optional<AuthorizationCode> read(Connection c, String codeHash)
      throws SQLException {
    List<Optional<AuthorizationCode>> rows =
        Jdbc.query(c, SELECT, JdbcAuthorizationCodeStore::map, codeHash);
    return rows.isEmpty() ? Optional.empty() : rows.get(0);
  }

  private static Optional<AuthorizationCode> map(ResultSet rs) throws SQLException {
    try {
      return Optional.of(new AuthorizationCode(rs.getString("code_hash"),
          rs.getString("client_id"), rs.getString("redirect_uri"), rs.getString("code_challenge"),
          rs.getString("subject"), Jdbc.splitTokens(rs.getString("scopes")),
          rs.getString("nonce"), Jdbc.instant(rs, "auth_time"), rs.getString("session_id"),
          rs.getString("grant_id"), Jdbc.instant(rs, "issued_at"),
          Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "redeemed_at")));
    } catch (RuntimeException e) {
      // The hash is the lookup key of a live code: only the grant and client are named.
      LOG.error("admin_auth_authorization_code row of grant {} (client {}) is corrupted ({}); the"
          + " code is rejected", rs.getString("grant_id"), rs.getString("client_id"),
          e.getMessage());
      return Optional.empty();
    }
  }
}
