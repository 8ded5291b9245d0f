/**
 * admin-auth stores on JDBC: every store SPI of the core on H2 (embedded) and PostgreSQL (many
 * nodes: LISTEN/NOTIFY, atomic refresh, signing keys encrypted under a key-encryption key).
 */
module io.admin.auth.jdbc {
  requires transitive io.admin.auth.core;
  requires transitive java.sql;
  requires org.slf4j;

  exports io.admin.auth.jdbc;

  provides io.admin.auth.core.store.PersistentStoreProvider
      with io.admin.auth.jdbc.JdbcStoreProvider;
}
