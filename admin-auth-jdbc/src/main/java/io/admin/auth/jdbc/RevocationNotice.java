package io.admin.auth.jdbc;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One revocation as it travels between nodes: a revoked {@code jti} or refresh-token family, and
 * the instant until which it must be kept. Also the format of the PostgreSQL {@code NOTIFY}
 * payload, {@code "<j|f> <keepUntil ISO-8601> <id>"}; the id is last because it is the free-form
 * part (it may contain spaces).
 *
 * @param kind what is revoked
 * @param id the {@code jti} or family id
 * @param keepUntil when the entry may be forgotten
 */
record RevocationNotice(Kind kind, String id, Instant keepUntil) {

  /** The PostgreSQL {@code LISTEN}/{@code NOTIFY} channel revocations are announced on. */
  static final String CHANNEL = "admin_auth_revocation";

  /** What a notice revokes, with its table, key column and payload letter. */
  enum Kind {
    ACCESS_TOKEN("j", "admin_auth_revoked_token", "jti"),
    FAMILY("f", "admin_auth_revoked_family", "family_id");

    final String letter;
    final String table;
    final String keyColumn;

    Kind(String letter, String table, String keyColumn) {
      this.letter = letter;
      this.table = table;
      this.keyColumn = keyColumn;
    }
  }

  RevocationNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(keepUntil, "keepUntil");
  }

  /** The {@code NOTIFY} payload. */
  String payload() {
    return kind.letter + " " + keepUntil + " " + id;
  }

  /** The notice in a payload; empty for anything malformed (including {@code null}). */
  static Optional<RevocationNotice> parse(String payload) {
    String[] parts = payload == null ? new String[0] : payload.split(" ", 3);
    if (parts.length != 3) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind.letter.equals(parts[0])) {
        try {
          return Optional.of(new RevocationNotice(kind, parts[2], Instant.parse(parts[1])));
        } catch (DateTimeParseException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Merges this notice into a node's cache. */
  void applyTo(RevocationCache cache) {
    if (kind == Kind.ACCESS_TOKEN) {
      cache.addJti(id, keepUntil);
    } else {
      cache.addFamily(id, keepUntil);
    }
  }
}
