package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.federation.TrustedIssuer;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.servlet.scheme.BearerScheme;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminAuthFederationConfigTest {

  private static Properties props(String... kv) {
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.test");
    p.setProperty("admin.auth.federation.issuers", "kc");
    p.setProperty("admin.auth.federation.issuer.kc.url", "https://sso.example.com/realms/acme");
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test
  void loadWhenTrustedIssuerWithoutAudienceThenOwnAudienceUsedAndBearerSchemeBuilt() {
    AdminAuth auth = AdminAuthProperties.load(props());

    assertInstanceOf(BearerScheme.class, auth.filter().schemes().get(0));
  }

  @ParameterizedTest
  @CsvSource({
      "admin.auth.federation.issuer.kc.audiance, a, admin.auth.federation.issuer.kc.audiance",
      "admin.auth.federation.issuer.kc.algorithms, HS256, admin.auth.federation.issuer.kc.algorithms",
      "admin.auth.federation.issuer.kc.clock-skew, 30, admin.auth.federation.issuer.kc.clock-skew",
      "admin.auth.federation.issuer.kc.url, http://sso.example.com, admin.auth.federation.issuer.kc.url",
      "admin.auth.federation.typo, x, admin.auth.federation.typo"})
  void loadWhenFederationSettingWrongThenConfigExceptionNamesIt(String key, String value, String expected) {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(props(key, value)));

    assertEquals(expected, e.property());
  }

  @Test
  void buildWhenTrustedIssuerIsTheOwnIssuerThenRefused() {
    DefaultTokenService tokens = DefaultTokenService.builder().issuer("https://issuer.test").build();

    assertThrows(IllegalArgumentException.class, () -> AdminAuth.builder(tokens)
        .trustedIssuer(TrustedIssuer.builder("https://issuer.test").audience("a").build())
        .build());
  }

  @Test
  void buildWhenTrustedIssuersButBearerOffThenRefused() {
    DefaultTokenService tokens = DefaultTokenService.builder().issuer("https://issuer.test").build();

    assertThrows(IllegalStateException.class, () -> AdminAuth.builder(tokens).bearer(false)
        .trustedIssuer(TrustedIssuer.builder("https://sso.example.com").audience("a").build())
        .build());
  }
}
