package io.admin.auth.jdbc;

import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClientStore} in table {@code admin_auth_client}, with the redirect and post-logout
 * redirect URIs of {@link SignInSettings} in {@code admin_auth_client_redirect_uri}, in
 * registration order. A client is read with one statement (a join), so a concurrent save is seen
 * whole or not at all, and written in one transaction. A row that cannot be read back as a valid
 * client (hand-edited, corrupted) is logged and treated as absent, so the client fails
 * authentication rather than authenticating with half a record.
 *
 * <p>Redirect URIs are stored up to {@value #MAX_URI} characters and display names up to
 * {@value #MAX_DISPLAY_NAME}; {@link #save} refuses longer ones with an {@link
 * IllegalArgumentException}.
 */
public final class JdbcClientStore implements ClientStore {

  /** The longest redirect or post-logout redirect URI stored, in characters. */
  public static final int MAX_URI = 2000;
  /** The longest display name stored, in characters. */
  public static final int MAX_DISPLAY_NAME = 255;

  private static final Logger LOG = LoggerFactory.getLogger(JdbcClientStore.class);
  private static final String URIS = "admin_auth_client_redirect_uri";
  private static final String REDIRECT = "redirect";
  private static final String POST_LOGOUT = "post_logout";
  private static final List<String> COLUMNS = List.of("client_id", "secret_hash",
      "allowed_scopes", "grant_types", "refresh_for_client_credentials", "access_token_ttl_ms",
      "refresh_token_ttl_ms", "public_client", "first_party", "display_name");
  private static final String SELECT = "SELECT c." + String.join(", c.", COLUMNS)
      + ", u.kind, u.uri FROM admin_auth_client c LEFT JOIN " + URIS
      + " u ON u.client_id = c.client_id";
  private static final String ORDER = " ORDER BY c.client_id, u.kind, u.ordinal";

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
    return read("reading a client", SELECT + " WHERE c.client_id = ?" + ORDER, clientId).stream()
        .findFirst();
  }

  /** {@inheritDoc} Ordered by client id. */
  @Override
  public List<OAuthClient> findAll() {
    return read("reading clients", SELECT + ORDER);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when a scope or grant type cannot be stored, or a URI or the
   *     display name is longer than this store holds
   */
  @Override
  public void save(OAuthClient client) {
    Objects.requireNonNull(client, "client");
    SignInSettings signIn = client.signIn();
    Object[] row = {client.clientId(), client.secretHash(),
        Jdbc.joinTokens(client.allowedScopes()), Jdbc.joinTokens(client.grantTypes()),
        client.refreshTokenForClientCredentials(), millis(client.accessTokenTtl()),
        millis(client.refreshTokenTtl()), signIn.publicClient(), signIn.firstParty(),
        Jdbc.fitting("display name", signIn.displayName(), MAX_DISPLAY_NAME)};
    signIn.redirectUris().forEach(u -> Jdbc.fitting("redirect URI", u, MAX_URI));
    signIn.postLogoutRedirectUris().forEach(u -> Jdbc.fitting("post-logout URI", u, MAX_URI));
    jdbc.inTransaction("saving a client", c -> {
      // The client row first: its lock orders concurrent saves of one client on every node.
      Jdbc.update(c, upsert, row);
      Jdbc.update(c, "DELETE FROM " + URIS + " WHERE client_id = ?", client.clientId());
      insertUris(c, client.clientId(), REDIRECT, signIn.redirectUris());
      insertUris(c, client.clientId(), POST_LOGOUT, signIn.postLogoutRedirectUris());
      return null;
    });
  }

  /** {@inheritDoc} Its redirect URIs go with it. */
  @Override
  public boolean delete(String clientId) {
    return clientId != null && jdbc.update("deleting a client",
        "DELETE FROM admin_auth_client WHERE client_id = ?", clientId) > 0;
  }

  private static void insertUris(Connection c, String clientId, String kind, List<String> uris)
      throws SQLException {
    for (int i = 0; i < uris.size(); i++) {
      Jdbc.update(c, "INSERT INTO " + URIS + " (client_id, kind, ordinal, uri) VALUES (?, ?, ?, ?)",
          clientId, kind, i, uris.get(i));
    }
  }

  /** The clients of {@code sql}: its rows, one per URI (or one without), grouped by client. */
  private List<OAuthClient> read(String what, String sql, Object... params) {
    Map<String, ClientRows> byId = new LinkedHashMap<>();
    jdbc.query(what, sql, rs -> {
      byId.computeIfAbsent(rs.getString("client_id"), id -> new ClientRows()).add(rs);
      return null;
    }, params);
    List<OAuthClient> out = new ArrayList<>();
    byId.forEach((id, rows) -> rows.toClient(id).ifPresent(out::add));
    return List.copyOf(out);
  }

  /** One client's rows as they arrive: the first row's columns, then every row's URI. */
  private static final class ClientRows {
    private RuntimeException problem;
    private OAuthClient base;
    private SignInSettings settings;
    private final List<String> redirects = new ArrayList<>();
    private final List<String> postLogout = new ArrayList<>();

    void add(ResultSet rs) throws SQLException {
      if (problem != null) {
        return;
      }
      try {
        if (base == null) {
          settings = new SignInSettings(rs.getBoolean("public_client"), List.of(), List.of(),
              rs.getBoolean("first_party"), rs.getString("display_name"));
          base = new OAuthClient(rs.getString("client_id"), rs.getString("secret_hash"),
              Jdbc.splitTokens(rs.getString("allowed_scopes")),
              Jdbc.splitTokens(rs.getString("grant_types")),
              rs.getBoolean("refresh_for_client_credentials"),
              duration(rs, "access_token_ttl_ms"), duration(rs, "refresh_token_ttl_ms"),
              settings);
        }
        String kind = rs.getString("kind");
        if (kind != null) {
          uris(kind).add(Objects.requireNonNull(rs.getString("uri"), "uri"));
        }
      } catch (RuntimeException e) {
        problem = e;
      }
    }

    private List<String> uris(String kind) {
      return switch (kind) {
        case REDIRECT -> redirects;
        case POST_LOGOUT -> postLogout;
        default -> throw new IllegalArgumentException("unknown redirect URI kind " + kind);
      };
    }

    Optional<OAuthClient> toClient(String id) {
      if (problem == null) {
        return Optional.of(base.withSignIn(new SignInSettings(settings.publicClient(), redirects,
            postLogout, settings.firstParty(), settings.displayName())));
      }
      LOG.error("admin_auth_client row for client_id={} is corrupted ({}); the client is treated"
          + " as unknown", id, problem.getMessage());
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
