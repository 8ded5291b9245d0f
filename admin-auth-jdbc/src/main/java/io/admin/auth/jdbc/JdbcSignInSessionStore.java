package io.admin.auth.jdbc;

import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.spi.SignInSessionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SignInSessionStore} in table {@code admin_auth_sign_in_session}, keyed by the keyed hash
 * of the session id (the id itself, the browser's cookie value, is never stored). Any node on the
 * database continues a session another node started. A row that cannot be read back as a valid
 * session is logged and treated as absent (the person signs in again).
 */
public final class JdbcSignInSessionStore implements SignInSessionStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSignInSessionStore.class);
  private static final String TABLE = "admin_auth_sign_in_session";
  private static final List<String> COLUMNS =
      List.of("id_hash", "subject", "auth_time", "auth_methods", "expires_at");

  private final Jdbc jdbc;
  private final int batchSize;
  private final String upsert;

  JdbcSignInSessionStore(Jdbc jdbc, int batchSize) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
    this.upsert = Jdbc.upsert(jdbc.dialect(), TABLE, List.of("id_hash"), COLUMNS);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the subject is longer than 255 characters or an
   *     {@code amr} value is empty or contains whitespace
   */
  @Override
  public void save(SignInSession session) {
    Objects.requireNonNull(session, "session");
    jdbc.update("saving a sign-in session", upsert,
        Jdbc.fitting("session id hash", session.idHash(), 128),
        Jdbc.fitting("subject", session.subject(), 255), session.authTime(),
        Jdbc.fitting("authentication methods", Jdbc.joinTokens(session.authMethods()), 1000),
        session.expiresAt());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<SignInSession> find(String idHash) {
    if (idHash == null) {
      return Optional.empty();
    }
    return jdbc.queryOne("reading a sign-in session", "SELECT " + String.join(", ", COLUMNS)
        + " FROM " + TABLE + " WHERE id_hash = ?", JdbcSignInSessionStore::map, idHash)
        .flatMap(o -> o);
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(String idHash) {
    return idHash != null && jdbc.update("ending a sign-in session",
        "DELETE FROM " + TABLE + " WHERE id_hash = ?", idHash) > 0;
  }

  /** {@inheritDoc} Deletes in batches of at most {@code batchSize} rows, each its own statement. */
  @Override
  public int purgeExpired(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return Purges.inBatches(jdbc, TABLE, "id_hash", "expires_at <= ?", cutoff, batchSize,
        Integer.MAX_VALUE);
  }

  private static Optional<SignInSession> map(ResultSet rs) throws SQLException {
    try {
      return Optional.of(new SignInSession(rs.getString("id_hash"), rs.getString("subject"),
          Jdbc.instant(rs, "auth_time"), Jdbc.splitTokens(rs.getString("auth_methods")),
          Jdbc.instant(rs, "expires_at")));
    } catch (RuntimeException e) {
      // Neither the hash (the lookup key of a live session) nor the person is named.
      LOG.error("an admin_auth_sign_in_session row is corrupted ({}); the session is treated as"
          + " absent", e.getMessage());
      return Optional.empty();
    }
  }
}
