package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.micrometer.AdminAuthMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * With Boot's metrics (a {@code MeterRegistry} bean) and admin-auth-micrometer on the class path,
 * the starter reports to the application's registry: tokens issued by the token service and
 * authentications decided by the filter are counted there, with no wiring by the application.
 */
@SpringBootTest(classes = MetricsBootTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"admin.auth.issuer=https://auth.example.test",
        "admin.auth.protected-prefixes=/api",
        "admin.auth.rule.1=GET /api/v3/whoami users:read",
        "admin.auth.client.reports.secret=reports-secret-0123456789",
        "admin.auth.client.reports.scopes=users:read"})
class MetricsBootTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration(excludeName = {TestApps.DATA_SOURCE, TestApps.SECURITY,
      TestApps.USER_DETAILS, TestApps.WEB_SECURITY, TestApps.SECURITY_FILTER})
  @Import(TestApps.Endpoints.class)
  static class App {}

  @LocalServerPort int port;
  @Autowired MeterRegistry registry;
  @Autowired AuthObserver observer;

  @Test
  void tokensIssuedAndAuthenticationsAreCountedInTheApplicationsRegistry() throws Exception {
    assertInstanceOf(AdminAuthMetrics.class, observer);
    BootHttp http = new BootHttp(port);
    String access = (String) http.clientCredentials("reports", "reports-secret-0123456789",
        "users:read").get("access_token");
    assertEquals(200, http.get("/api/v3/whoami", "Authorization", "Bearer " + access)
        .statusCode());
    assertEquals(401, http.get("/api/v3/whoami").statusCode());

    Counter issued = registry.find(AdminAuthMetrics.TOKENS_ISSUED)
        .tag("grant", "client_credentials").counter();
    assertNotNull(issued, "the token service reports to the registry");
    assertEquals(1.0, issued.count());
    Timer ok = registry.find(AdminAuthMetrics.AUTHENTICATIONS)
        .tags("method", "bearer", "outcome", "success").timer();
    assertNotNull(ok, "the filter reports to the registry");
    assertEquals(1, ok.count());
    Timer missing = registry.find(AdminAuthMetrics.AUTHENTICATIONS)
        .tags("method", "none", "error", "AUTH_CREDENTIALS_MISSING").timer();
    assertNotNull(missing);
    assertEquals(1, missing.count());
  }
}
