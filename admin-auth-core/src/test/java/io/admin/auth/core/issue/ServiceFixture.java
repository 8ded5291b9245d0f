package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Shared set-up for token service tests. */
final class ServiceFixture {

  static final String ISSUER = "https://auth.example.test";
  static final String SECRET = "s3cr3t-that-is-long-enough-0123456789";

  private ServiceFixture() {}

  static DefaultTokenServiceBuilder builder(MutableClock clock) {
    return DefaultTokenService.builder().issuer(ISSUER).clock(clock)
        .signingAlgorithm(SigningAlgorithm.ES256);
  }

  static TokenResponse issued(TokenResult result) {
    return assertInstanceOf(TokenResult.Issued.class, result).response();
  }

  static AuthErrorCode failedCode(TokenResult result) {
    return assertInstanceOf(TokenResult.Failed.class, result).error().code();
  }

  static AuthErrorCode rejectedCode(AuthOutcome outcome) {
    return assertInstanceOf(AuthOutcome.Rejected.class, outcome).error().code();
  }

  static Map<String, Object> header(String jwt) {
    String h = jwt.substring(0, jwt.indexOf('.'));
    return Json.parseObject(new String(Base64.getUrlDecoder().decode(h), StandardCharsets.UTF_8))
        .orElseThrow();
  }
}
