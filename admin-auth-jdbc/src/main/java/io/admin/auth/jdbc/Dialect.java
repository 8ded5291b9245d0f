package io.admin.auth.jdbc;

import java.util.Locale;
import java.util.Objects;

/**
 * The SQL dialects the JDBC stores speak. Each has its own DDL folder in the jar
 * ({@code io/admin/auth/jdbc/schema/<folder>/V<n>__<name>.sql}) and its own way to take a
 * cross-node lock.
 */
public enum Dialect {
  /** H2 2.x, the embedded file-backed default of the dev server. */
  H2("h2"),
  /** PostgreSQL 12 or newer, for several nodes sharing one database. */
  POSTGRESQL("postgresql");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /**
   * The resource folder holding this dialect's versioned DDL scripts.
   *
   * @return the folder name under {@code io/admin/auth/jdbc/schema/}: {@code h2} or {@code
   *     postgresql}
   */
  public String folder() {
    return folder;
  }

  /**
   * The dialect of a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}).
   *
   * @param jdbcUrl the URL a {@code DataSource} connects to; not null, compared case-insensitively
   * @return the dialect the URL's scheme names
   * @throws IllegalArgumentException for any other URL, naming what is supported
   */
  public static Dialect fromJdbcUrl(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    String url = jdbcUrl.toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    // The URL itself is not echoed: it may carry a password as a parameter.
    throw new IllegalArgumentException(
        "unsupported JDBC URL: expected jdbc:h2:... or jdbc:postgresql:...");
  }

  /**
   * The dialect named {@code name} ({@code h2} or {@code postgresql}, case-insensitive).
   *
   * @param name the dialect's folder or constant name; not null, surrounding blanks ignored
   * @return the matching dialect
   * @throws IllegalArgumentException for any other name
   */
  public static Dialect named(String name) {
    Objects.requireNonNull(name, "name");
    for (Dialect d : values()) {
      if (d.folder.equalsIgnoreCase(name.trim()) || d.name().equalsIgnoreCase(name.trim())) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dialect '" + name + "', expected h2 or postgresql");
  }
}
