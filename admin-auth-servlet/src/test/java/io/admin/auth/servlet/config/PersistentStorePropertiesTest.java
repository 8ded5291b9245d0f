package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.testing.LogCapture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code admin.auth.store.*}: a properties file naming a container DataSource gets every store
 * from admin-auth-jdbc (found through core's PersistentStoreProvider), refuses to start without
 * the secrets a persistent store needs, and in memory says once what is lost.
 */
class PersistentStorePropertiesTest {

  private static final String JNDI = "java:comp/env/jdbc/adminAuth";
  private final SecureRandom random = new SecureRandom();
  private final String kek = base64(32);
  private final String tokenPepper = base64(32);
  private final String apiKeyPepper = base64(32);
  private final String clientSecret = "client-secret-" + UUID.randomUUID();
  private final DataSource h2 = h2();

  private String base64(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  private PersistentStoreWiring.Naming naming() {
    return name -> Optional.ofNullable(Map.<String, Object>of(JNDI, h2).get(name));
  }

  private Properties persistent(String... kv) {
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.test");
    p.setProperty("admin.auth.store.datasource", "jdbc/adminAuth");
    p.setProperty("admin.auth.store.kek", kek);
    p.setProperty("admin.auth.token.pepper", tokenPepper);
    p.setProperty("admin.auth.client.reports.secret", clientSecret);
    p.setProperty("admin.auth.api-keys.enabled", "true");
    p.setProperty("admin.auth.api-keys.pepper", apiKeyPepper);
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        p.remove(kv[i]);
      } else {
        p.setProperty(kv[i], kv[i + 1]);
      }
    }
    return p;
  }

  private AdminAuthConfigException refused(Properties p) {
    return assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.open(p, naming()).stores().ifPresent(PersistentStores::close));
  }

  @Test
  void openWhenStoreNamedThenEverythingIsInTheDatabaseAndSurvivesAReopen() {
    List<String> kids;
    AdminAuthProperties.Loaded first = AdminAuthProperties.open(persistent(), naming());
    try (PersistentStores stores = first.stores().orElseThrow()) {
      kids = stores.keyStore().findAll().stream().map(SigningKey::kid).toList();
      assertFalse(kids.isEmpty());
      assertTrue(stores.clientStore().findById("reports").isPresent());
    }
    // A restart or redeploy: same database, same settings, a new process' worth of objects.
    AdminAuthProperties.Loaded second = AdminAuthProperties.open(persistent(), naming());
    try (PersistentStores stores = second.stores().orElseThrow()) {
      assertEquals(kids, stores.keyStore().findAll().stream().map(SigningKey::kid).toList());
    }
  }

  @Test
  void createWhenStoreNamedThenACodeIssuedOnOneNodeIsRedeemedOnAnother() throws Exception {
    AdminAuthProperties.Loaded loaded = AdminAuthProperties.open(persistent(), naming());
    try (PersistentStores stores = loaded.stores().orElseThrow()) {
      DefaultTokenService nodeA = (DefaultTokenService)
          new DefaultTokenServiceFactory().create(persistent(), Optional.of(stores));
      DefaultTokenService nodeB = (DefaultTokenService)
          new DefaultTokenServiceFactory().create(persistent(), Optional.of(stores));
      OAuthClient app = nodeA.registerClient(ClientRegistration.signingIn("mobile", null,
          Set.of("users:read"), new SignInSettings(true, List.of("com.example.app:/cb"),
              List.of(), true, null)));
      String verifier = "v".repeat(43);
      String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
      String code = nodeA.issueAuthorizationCode(new ApprovedAuthorization("mobile",
          "com.example.app:/cb", challenge, "alice", Set.of("users:read"), null, Instant.now(),
          null)).code();

      TokenResult onB = nodeB.authorizationCode(app, code, "com.example.app:/cb", verifier);

      assertTrue(onB instanceof TokenResult.Issued, () -> "node B refused the code: " + onB);
    }
  }

  @Test
  void openWhenBasicWithAStoreThenDeclaredUsersAreWrittenToIt() {
    String hash = "$2b$10$" + "a".repeat(53);
    AdminAuthProperties.Loaded loaded = AdminAuthProperties.open(persistent(
        "admin.auth.basic.enabled", "true", "admin.auth.user.ops.password-hash", hash), naming());
    try (PersistentStores stores = loaded.stores().orElseThrow()) {
      assertEquals(hash, stores.userStore().find("ops").orElseThrow().passwordHash());
    }
  }

  @Test
  void openWhenKekMissingThenRefusedNamingIt() {
    AdminAuthConfigException e = refused(persistent("admin.auth.store.kek", null));
    assertEquals("admin.auth.store.kek", e.property());
  }

  @Test
  void openWhenKekReferenceFindsNothingThenRefusedNamingItAndTheReference() {
    AdminAuthConfigException e = refused(persistent(
        "admin.auth.store.kek", "${env:ADMIN_AUTH_TEST_KEK_THAT_IS_NEVER_SET}"));
    assertEquals("admin.auth.store.kek", e.property());
    assertTrue(e.getMessage().contains("ADMIN_AUTH_TEST_KEK_THAT_IS_NEVER_SET"), e.getMessage());
  }

  @Test
  void openWhenTokenPepperMissingThenRefusedNamingIt() {
    AdminAuthConfigException e = refused(persistent("admin.auth.token.pepper", null));
    assertEquals("admin.auth.token.pepper", e.property());
  }

  @Test
  void openWhenApiKeyPepperMissingThenRefusedNamingIt() {
    AdminAuthConfigException e = refused(persistent("admin.auth.api-keys.pepper", null));
    assertEquals("admin.auth.api-keys.pepper", e.property());
  }

  @Test
  void openWhenPeppersBlankThenRefusedNamingThemAsWhenMissing() {
    // Blank is the same as absent (an empty environment variable behind a placeholder): the
    // check must not take a blank pepper for a set one and fail later naming another property.
    assertEquals("admin.auth.token.pepper",
        refused(persistent("admin.auth.token.pepper", " ")).property());
    assertEquals("admin.auth.api-keys.pepper",
        refused(persistent("admin.auth.api-keys.pepper", "")).property());
  }

  @Test
  void openWhenKekIsNotThirtyTwoBytesThenRefusedWithoutQuotingIt() {
    String shortKek = base64(16);
    AdminAuthConfigException e = refused(persistent("admin.auth.store.kek", shortKek));
    assertEquals("admin.auth.store.kek", e.property());
    assertFalse(e.getMessage().contains(shortKek), e.getMessage());
  }

  @Test
  void openWhenAnotherKekThanTheDatabaseWasWrittenWithThenRefusedNamingIt() {
    AdminAuthProperties.open(persistent(), naming()).stores().orElseThrow().close();
    AdminAuthConfigException e = refused(persistent("admin.auth.store.kek", base64(32)));
    assertEquals("admin.auth.store.kek", e.property());
  }

  @Test
  void openWhenNothingBoundAtTheNameThenRefusedNamingTheDatasource() {
    AdminAuthConfigException e =
        refused(persistent("admin.auth.store.datasource", "jdbc/elsewhere"));
    assertEquals("admin.auth.store.datasource", e.property());
    assertTrue(e.getMessage().contains("java:comp/env/jdbc/elsewhere"), e.getMessage());
  }

  @Test
  void openWhenSchemaVerifiedButNeverCreatedThenRefusedNamingTheSchemaMode() {
    AdminAuthConfigException e = refused(persistent("admin.auth.store.schema", "verify"));
    assertEquals("admin.auth.store.schema", e.property());
  }

  @Test
  void openWhenStoreSettingMisspeltOrWithoutDatasourceThenRefusedNamingIt() {
    assertEquals("admin.auth.store.keks",
        refused(persistent("admin.auth.store.keks", kek)).property());
    assertEquals("admin.auth.store.kek",
        refused(persistent("admin.auth.store.datasource", null)).property());
  }

  @Test
  void configureWhenStoreNamedThenRefusedSinceItCannotOwnTheStores() {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.configure(persistent(), null));
    assertEquals("admin.auth.store.datasource", e.property());
  }

  @Test
  void openWhenInMemoryThenExactlyOneWarningSayingNothingSurvives() {
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.test");
    p.setProperty("admin.auth.client.reports.secret", clientSecret);
    p.setProperty("admin.auth.api-keys.enabled", "true");
    try (LogCapture logs = new LogCapture()) {
      assertTrue(AdminAuthProperties.open(p, naming()).stores().isEmpty());
      List<String> warnings = logs.linesContaining("WARN");
      assertEquals(1, warnings.size(), String.valueOf(warnings));
      assertTrue(warnings.get(0).contains("nothing survives a restart"), warnings.get(0));
    }
  }

  @Test
  void openWhenStoreNamedThenNoSecretOfTheFileInAnyLogLine() {
    try (LogCapture logs = new LogCapture()) {
      AdminAuthProperties.open(persistent(), naming()).stores().orElseThrow().close();
      refused(persistent("admin.auth.store.kek", base64(32)));
      refused(persistent("admin.auth.store.kek", "not base64 at all " + kek));
      for (String secret : List.of(kek, tokenPepper, apiKeyPepper, clientSecret)) {
        assertEquals(List.of(), logs.linesContaining(secret));
      }
    }
  }
}
