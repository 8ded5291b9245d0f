package io.admin.auth.jdbc;

import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.ConsentStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConsentStore} in table {@code admin_auth_consent}, one row per person and client. A row
 * that cannot be read back as a valid consent is logged and treated as absent, so the person is
 * asked again rather than a client acting on half a record.
 */
public final class JdbcConsentStore implements ConsentStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcConsentStore.class);
  private static final String TABLE = "admin_auth_consent";
  private static final List<String> COLUMNS =
      List.of("subject", "client_id", "scopes", "granted_at");
  private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM " + TABLE;

  private final Jdbc jdbc;
  private final String upsert;
  private final String bySubject;

  JdbcConsentStore(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.upsert = Jdbc.upsert(jdbc.dialect(), TABLE, List.of("subject", "client_id"), COLUMNS);
    // The order of String.compareTo on every node, whatever collation the database was created
    // with (H2 compares that way by default; PostgreSQL's "C" collation compares code points).
    String collate = jdbc.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
    this.bySubject = SELECT + " WHERE subject = ? ORDER BY client_id" + collate;
  }

  /** {@inheritDoc} */
  @Override
  public Optional<Consent> find(String subject, String clientId) {
    if (subject == null || clientId == null) {
      return Optional.empty();
    }
    return jdbc.queryOne("reading a consent", SELECT + " WHERE subject = ? AND client_id = ?",
        JdbcConsentStore::map, subject, clientId).flatMap(o -> o);
  }

  /** {@inheritDoc} */
  @Override
  public List<Consent> findBySubject(String subject) {
    if (subject == null) {
      return List.of();
    }
    return jdbc.query("reading a person's consents", bySubject, JdbcConsentStore::map, subject)
        .stream().flatMap(Optional::stream).toList();
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the subject or client id is longer than 255 characters
   *     or a scope cannot be stored (empty, or containing whitespace)
   */
  @Override
  public void save(Consent consent) {
    Objects.requireNonNull(consent, "consent");
    jdbc.update("saving a consent", upsert, Jdbc.fitting("subject", consent.subject(), 255),
        Jdbc.fitting("client id", consent.clientId(), 255),
        Jdbc.fitting("scopes", Jdbc.joinTokens(consent.scopes()), 4000), consent.grantedAt());
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(String subject, String clientId) {
    return subject != null && clientId != null && jdbc.update("withdrawing a consent",
        "DELETE FROM " + TABLE + " WHERE subject = ? AND client_id = ?", subject, clientId) > 0;
  }

  private static Optional<Consent> map(ResultSet rs) throws SQLException {
    try {
      return Optional.of(new Consent(rs.getString("subject"), rs.getString("client_id"),
          Jdbc.splitTokens(rs.getString("scopes")), Jdbc.instant(rs, "granted_at")));
    } catch (RuntimeException e) {
      // The person is not named in the log; the client is.
      LOG.error("admin_auth_consent row for client_id={} is corrupted ({}); the consent is"
          + " treated as absent", rs.getString("client_id"), e.getMessage());
      return Optional.empty();
    }
  }
}
