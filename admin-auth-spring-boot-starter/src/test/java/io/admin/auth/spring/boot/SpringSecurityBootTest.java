package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * admin-auth next to Spring Security. The starter's filter runs ahead of Spring Security's filter
 * chain: a request it refuses gets the contract's JSON 401, never Spring Security's own answer.
 * A request it lets through carries admin-auth's principal, which Spring Security's {@code jee()}
 * pre-authentication adopts, so the application's {@code authenticated()} rule holds for it. The
 * endpoints authenticate their clients themselves: the chain lets them through without CSRF.
 */
@SpringBootTest(classes = SpringSecurityBootTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"admin.auth.issuer=https://auth.example.test",
        "admin.auth.protected-prefixes=/api",
        "admin.auth.rule.1=GET /api/v3/whoami users:read",
        "admin.auth.client.reports.secret=reports-secret-0123456789",
        "admin.auth.client.reports.scopes=users:read"})
class SpringSecurityBootTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration(excludeName = TestApps.DATA_SOURCE)
  @Import(TestApps.Endpoints.class)
  static class App {

    @Bean
    SecurityFilterChain chain(HttpSecurity http) throws Exception {
      return http
          .authorizeHttpRequests(a -> a
              .requestMatchers("/api/v3/auth/**", "/.well-known/**").permitAll()
              .requestMatchers("/api/**").authenticated()
              .anyRequest().permitAll())
          .csrf(c -> c.ignoringRequestMatchers("/api/v3/auth/**"))
          // No httpBasic(): Spring Security would take the token endpoint's client_secret_basic
          // credentials for a user's and refuse them.
          .jee(j -> j.mappableRoles("users:read"))
          .build();
    }
  }

  @LocalServerPort int port;

  @Test
  void adminAuthAnswersFirstAndSpringSecurityAdoptsItsPrincipal() throws Exception {
    BootHttp http = new BootHttp(port);
    HttpResponse<String> none = http.get("/api/v3/whoami");
    assertEquals(401, none.statusCode());
    assertEquals("AUTH_CREDENTIALS_MISSING", BootHttp.body(none).get("code"),
        "admin-auth's answer, not Spring Security's: " + none.body());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

    String access = (String) http.clientCredentials("reports", "reports-secret-0123456789",
        "users:read").get("access_token");
    HttpResponse<String> call = http.get("/api/v3/whoami", "Authorization", "Bearer " + access);
    assertEquals(200, call.statusCode(), "passed both filter chains: " + call.body());
    assertEquals("reports", BootHttp.body(call).get("subject"));
  }
}
