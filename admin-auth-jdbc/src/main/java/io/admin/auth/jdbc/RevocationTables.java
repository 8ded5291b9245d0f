package io.admin.auth.jdbc;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the revocation list: tables {@code admin_auth_revoked_token} and
 * {@code admin_auth_revoked_family}, one row per revoked id with the instant until which it must
 * be kept. A write keeps the later {@code keep_until} of old and new, so writes from any node in
 * any order give the same table. Stateless apart from the prepared SQL; thread-safe.
 */
final class RevocationTables {

  private final Jdbc jdbc;
  private final Map<RevocationNotice.Kind, String> upserts =
      new EnumMap<>(RevocationNotice.Kind.class);

  RevocationTables(Jdbc jdbc) {
    this.jdbc = jdbc;
    for (RevocationNotice.Kind kind : RevocationNotice.Kind.values()) {
      upserts.put(kind, upsertKeepingLatest(kind.table, kind.keyColumn));
    }
  }

  /**
   * Writes the revocation and, on PostgreSQL, announces it on {@link RevocationNotice#CHANNEL} in
   * the same transaction.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when the database cannot be reached
   */
  void write(RevocationNotice notice) {
    String what = notice.kind() == RevocationNotice.Kind.ACCESS_TOKEN
        ? "revoking an access token" : "revoking a token family";
    jdbc.inTransaction(what, c -> {
      Jdbc.update(c, upserts.get(notice.kind()), notice.id(), notice.keepUntil());
      if (jdbc.dialect() == Dialect.POSTGRESQL) {
        // NOTIFY is transactional: delivered on commit, never for a rolled-back revocation.
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
          ps.setString(1, RevocationNotice.CHANNEL);
          ps.setString(2, notice.payload());
          ps.execute();
        }
      }
      return null;
    });
  }

  /**
   * Every row of both tables, read on one connection.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when the database cannot be reached
   */
  List<RevocationNotice> readAll() {
    return jdbc.withConnection("reading the revocation list", c -> {
      List<RevocationNotice> all = new ArrayList<>();
      for (RevocationNotice.Kind kind : RevocationNotice.Kind.values()) {
        all.addAll(Jdbc.query(c, "SELECT " + kind.keyColumn + ", keep_until FROM " + kind.table,
            rs -> new RevocationNotice(kind, rs.getString(1), Jdbc.instant(rs, "keep_until"))));
      }
      return all;
    });
  }

  /** Deletes rows kept until before {@code now}, {@code batchSize} per statement; how many. */
  int purgeExpired(Instant now, int batchSize) {
    int deleted = 0;
    for (RevocationNotice.Kind kind : RevocationNotice.Kind.values()) {
      deleted += Purges.inBatches(jdbc, kind.table, kind.keyColumn, "keep_until < ?", now,
          batchSize, Integer.MAX_VALUE);
    }
    return deleted;
  }

  private String upsertKeepingLatest(String table, String key) {
    if (jdbc.dialect() == Dialect.POSTGRESQL) {
      return "INSERT INTO " + table + " (" + key + ", keep_until) VALUES (?, ?) ON CONFLICT (" + key
          + ") DO UPDATE SET keep_until = GREATEST(" + table + ".keep_until, EXCLUDED.keep_until)";
    }
    return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS VARCHAR(255)),"
        + " CAST(? AS TIMESTAMP WITH TIME ZONE))) s(k, u) ON t." + key + " = s.k"
        + " WHEN MATCHED AND s.u > t.keep_until THEN UPDATE SET keep_until = s.u"
        + " WHEN NOT MATCHED THEN INSERT (" + key + ", keep_until) VALUES (s.k, s.u)";
  }
}
