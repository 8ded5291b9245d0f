package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.servlet.session.internal.SessionCookieScheme;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code admin.auth.session.*}: browser sessions from the properties file. */
class BrowserSessionPropertiesTest {

  private static Properties props(String... kv) {
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.test");
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static Properties enabled(String... kv) {
    Properties p = props("admin.auth.session.enabled", "true",
        "admin.auth.session.client-id", "app-bff",
        "admin.auth.session.client-secret", "bff-secret-0123456789");
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void enabledThenSessionEndpointsAndTheCookieSchemeLast() {
    AdminAuth auth = AdminAuthProperties.load(enabled(
        "admin.auth.session.cookie-paths", "/api/v3/me, /api/v3/users/**",
        "admin.auth.session.same-site", "strict",
        "admin.auth.session.refresh-leeway", "PT5S",
        "admin.auth.session.secret", java.util.Base64.getEncoder().encodeToString(new byte[32])));
    for (String p : new String[] {"", "/login", "/callback", "/refresh", "/logout"}) {
      assertTrue(auth.servlets().containsKey("/api/v3/auth/session" + p), p);
    }
    var schemes = auth.filter().schemes();
    assertTrue(schemes.get(schemes.size() - 1) instanceof SessionCookieScheme);
  }

  @Test
  void movedPathThenEveryEndpointBelowIt() {
    AdminAuth auth = AdminAuthProperties.load(enabled("admin.auth.session.path", "/bff"));
    assertTrue(auth.servlets().containsKey("/bff/refresh"));
    assertFalse(auth.servlets().containsKey("/api/v3/auth/session"));
  }

  @Test
  void offByDefault() {
    AdminAuth auth = AdminAuthProperties.load(props());
    assertFalse(auth.servlets().containsKey("/api/v3/auth/session"));
    assertFalse(auth.filter().schemes().stream().anyMatch(s -> s instanceof SessionCookieScheme));
  }

  @ParameterizedTest
  @CsvSource({
      "admin.auth.session.nope, x, admin.auth.session.nope",
      "admin.auth.session.same-site, none, admin.auth.session.same-site",
      "admin.auth.session.cookie-name-stem, __Host-x, admin.auth.session.cookie-name-stem",
      "admin.auth.session.refresh-leeway, PT2M, admin.auth.session.refresh-leeway",
      "admin.auth.session.path, relative, admin.auth.session.path",
      "admin.auth.session.redirect-uri, /cb, admin.auth.session.redirect-uri",
      "admin.auth.session.trusted-origins, null, admin.auth.session.trusted-origins"})
  void badValueThenErrorNamingTheProperty(String key, String value, String named) {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(enabled(key, value)));
    assertEquals(named, e.property());
  }

  @Test
  void missingClientOrShortSecretThenErrorNeverEchoingTheSecret() {
    Properties p = enabled();
    p.remove("admin.auth.session.client-id");
    assertEquals("admin.auth.session.client-id", assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p)).property());
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(enabled("admin.auth.session.client-secret", "tooShort1")));
    assertEquals("admin.auth.session.client-secret", e.property());
    assertFalse(e.getMessage().contains("tooShort1"));
    AdminAuthConfigException s = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(enabled("admin.auth.session.secret", "c2hvcnQ=")));
    assertFalse(s.getMessage().contains("c2hvcnQ="));
  }
}
