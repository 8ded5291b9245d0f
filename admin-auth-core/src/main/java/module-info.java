/**
 * admin-auth core: issuing, verifying, rotating and revoking tokens behind small store SPIs, API
 * keys, password hashing, rate limits, third-party OIDC issuers and the token client. No servlet
 * dependency. Packages named {@code internal} are not API: they are exported only to the
 * admin-auth modules that share them, so the compiler refuses them to everyone else.
 */
module io.admin.auth.core {
  requires transitive com.nimbusds.jose.jwt;
  requires org.bouncycastle.provider;
  requires transitive org.slf4j;
  requires transitive java.net.http;
  // DataSource in the persistent-store SPI (core.store); no JDBC driver.
  requires transitive java.sql;

  exports io.admin.auth.core;
  exports io.admin.auth.core.apikey;
  exports io.admin.auth.core.audit;
  exports io.admin.auth.core.client;
  exports io.admin.auth.core.config;
  exports io.admin.auth.core.crypto;
  exports io.admin.auth.core.federation;
  exports io.admin.auth.core.issue;
  exports io.admin.auth.core.key;
  exports io.admin.auth.core.observe;
  exports io.admin.auth.core.password;
  exports io.admin.auth.core.ratelimit;
  exports io.admin.auth.core.signin;
  exports io.admin.auth.core.spi;
  exports io.admin.auth.core.store;
  exports io.admin.auth.core.store.memory;
  exports io.admin.auth.core.validation;
  exports io.admin.auth.core.verify;

  uses io.admin.auth.core.store.PersistentStoreProvider;

  exports io.admin.auth.core.internal.jose to
      io.admin.auth.servlet, io.admin.auth.jdbc, io.admin.auth.testkit, io.admin.auth.devserver;
}
