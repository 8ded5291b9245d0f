package io.admin.auth.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One versioned DDL script shipped in the jar.
 *
 * @param version the schema version this script brings the database to
 * @param description the part of the file name after {@code V<n>__}
 * @param sql the script text
 */
record Migration(int version, String description, String sql) {

  /** Every script, in the order they apply. A new script is appended here and never edited after release. */
  static final List<String> NAMES = List.of("V1__infrastructure", "V2__tokens",
      "V3__api_keys_users", "V4__refresh_family_revocation", "V5__failure_counts",
      "V6__sign_in");

  Migration {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(sql, "sql");
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive");
    }
  }

  /** The scripts of {@code dialect}, in version order. */
  static List<Migration> all(Dialect dialect) {
    List<Migration> out = new ArrayList<>();
    for (String name : NAMES) {
      int sep = name.indexOf("__");
      int version = Integer.parseInt(name.substring(1, sep));
      out.add(new Migration(version, name.substring(sep + 2), load(dialect, name)));
    }
    return List.copyOf(out);
  }

  /** SHA-256 of the script text (hex), recorded so an edited script is noticed. */
  String checksum() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(sql.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * The script's statements: full-line {@code --} comments dropped, split at {@code ;} at the end
   * of a line. The scripts are written so that no statement has a {@code ;} at a line end inside
   * it.
   */
  List<String> statements() {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\r?\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return List.copyOf(out);
  }

  private static String load(Dialect dialect, String name) {
    String path = "schema/" + dialect.folder() + "/" + name + ".sql";
    try (InputStream in = Migration.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("DDL script missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read DDL script " + path, e);
    }
  }
}
