package io.admin.auth.spring.boot;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the Boot apps of the tests share. */
final class TestApps {

  /** Boot's DataSource from H2 on the class path, left out by the apps that run in memory. */
  static final String DATA_SOURCE =
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";
  // Spring Security's auto-configuration, on the test class path for the one test that uses it:
  // every other app leaves it out, as an application without Spring Security would.
  static final String SECURITY =
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration";
  static final String USER_DETAILS =
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration";
  static final String WEB_SECURITY =
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";
  static final String SECURITY_FILTER =
      "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration";

  private TestApps() {}

  /** The application's own endpoints: one protected, one public. */
  @RestController
  static class Endpoints {

    @GetMapping("/api/v3/whoami")
    Map<String, Object> whoami(HttpServletRequest request) {
      Principal p = request.getUserPrincipal();
      return Map.of("subject", p == null ? "" : p.getName(),
          "reader", request.isUserInRole("users:read"));
    }

    @GetMapping("/public/ping")
    String ping() {
      return "pong";
    }
  }
}
