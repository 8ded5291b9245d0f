/**
 * The store contract suites: one abstract JUnit 5 class per store SPI of the core ({@code
 * io.admin.auth.tck.*Contract}). A store implementation's test extends the suite and returns a
 * fresh store from {@code newStore()}; the in-memory stores, admin-auth-jdbc's H2 and PostgreSQL
 * stores and any store of your own run the same checks.
 */
module io.admin.auth.tck {
  requires transitive io.admin.auth.core;
  requires transitive org.junit.jupiter.api;

  exports io.admin.auth.tck;
  // JUnit calls the suites' package-private test methods reflectively.
  opens io.admin.auth.tck to org.junit.platform.commons;
}
