package io.admin.auth.jdbc;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClientStore} in table {@code admin_auth_client}. A row that cannot be read back as a
 * valid client (hand-edited, corrupted) is logged and treated as absent, so the client fails
 * authentication rather than authenticating with half a record.
 */
public final class JdbcClientStore implements ClientStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcClientStore.class);
  private static final List<String> COLUMNS = List.of("client_id", "secret_hash",
      "allowed_scopes", "grant_types", "refresh_for_client_credentials", "access_token_ttl_ms",
      "refresh_token_ttl_ms");
  private static final String SELECT = "SELECT " + String.join(", ", COLUMNS)
      + " FROM admin_auth_client";

  private final Jdbc jdbc;
  private final String upsert;

  JdbcClientStore(Jdbc jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.upsert = Jdbc.upsert(jdbc.dialect(), "admin_auth_client", List.of("client_id"), COLUMNS);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<OAuthClient> findById(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return jdbc.query("reading a client", SELECT + " WHERE client_id = ?", JdbcClientStore::map,
        clientId).stream().flatMap(Optional::stream).findFirst();
  }

  /** {@inheritDoc} Ordered by client id. */
  @Override
  public List<OAuthClient> findAll() {
    List<OAuthClient> out = new ArrayList<>();
    jdbc.query("reading clients", SELECT + " ORDER BY client_id", JdbcClientStore::map)
        .forEach(o -> o.ifPresent(out::add));
    return List.copyOf(out);
  }

  /** {@inheritDoc} */
  @Override
  public void save(OAuthClient client) {
    Objects.requireNonNull(client, "client");
    jdbc.update("saving a client", upsert, client.clientId(), client.secretHash(),
        Jdbc.joinTokens(client.allowedScopes()), Jdbc.joinTokens(client.grantTypes()),
        client.refreshTokenForClientCredentials(), millis(client.accessTokenTtl()),
        millis(client.refreshTokenTtl()));
  }

  /** {@inheritDoc} */
  @Override
  public boolean delete(String clientId) {
    return clientId != null && jdbc.update("deleting a client",
        "DELETE FROM admin_auth_client WHERE client_id = ?", clientId) > 0;
  }

  private static Optional<OAuthClient> map(ResultSet rs) throws SQLException {
    String id = rs.getString("client_id");
    try {
      return Optional.of(new OAuthClient(id, rs.getString("secret_hash"),
          Jdbc.splitTokens(rs.getString("allowed_scopes")),
          Jdbc.splitTokens(rs.getString("grant_types")),
          rs.getBoolean("refresh_for_client_credentials"),
          duration(rs, "access_token_ttl_ms"), duration(rs, "refresh_token_ttl_ms")));
    } catch (RuntimeException e) {
      LOG.error("admin_auth_client row for client_id={} is corrupted ({}); the client is treated"
          + " as unknown", id, e.getMessage());
      return Optional.empty();
    }
  }

  private static Long millis(Duration d) {
    return d == null ? null : d.toMillis();
  }

  private static Duration duration(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    if (rs.wasNull()) {
      return null;
    }
    if (v <= 0) {
      throw new IllegalArgumentException(column + " must be positive");
    }
    return Duration.ofMillis(v);
  }
}
