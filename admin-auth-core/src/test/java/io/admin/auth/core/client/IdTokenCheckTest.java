package io.admin.auth.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client's checks of an ID token from the token endpoint (OIDC Core 3.1.3.7). */
class IdTokenCheckTest {

  private static final String ISS = "https://auth.example.com";

  private static String jwt(Map<String, Object> claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "." + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8)) + ".sig";
  }

  private static Map<String, Object> claims() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", ISS);
    c.put("aud", "app");
    c.put("nonce", "n-1");
    return c;
  }

  @Test
  void whenIssAudAndNonceAreThisSignInsThenNoProblem() {
    assertEquals(Optional.empty(), IdTokenCheck.problem(jwt(claims()), ISS, "app", "n-1"));
    Map<String, Object> c = claims();
    c.remove("nonce");
    assertEquals(Optional.empty(), IdTokenCheck.problem(jwt(c), ISS, "app", null));
  }

  @Test
  void whenAnyClaimIsAnotherSignInsThenAProblem() {
    assertTrue(IdTokenCheck.problem(jwt(claims()), "https://other.example", "app", "n-1")
        .isPresent());
    assertTrue(IdTokenCheck.problem(jwt(claims()), ISS, "other-app", "n-1").isPresent());
    assertTrue(IdTokenCheck.problem(jwt(claims()), ISS, "app", "n-2").isPresent());
    Map<String, Object> noNonce = claims();
    noNonce.remove("nonce");
    assertTrue(IdTokenCheck.problem(jwt(noNonce), ISS, "app", "n-1").isPresent());
  }

  @Test
  void whenSeveralAudiencesThenAzpMustBeThisClient() {
    Map<String, Object> c = claims();
    c.put("aud", List.of("app", "api"));
    assertTrue(IdTokenCheck.problem(jwt(c), ISS, "app", "n-1").isPresent());
    c.put("azp", "app");
    assertEquals(Optional.empty(), IdTokenCheck.problem(jwt(c), ISS, "app", "n-1"));
  }

  @Test
  void whenNotAJwsOrNotJsonThenAProblemNotAnException() {
    assertTrue(IdTokenCheck.problem("a.b", ISS, "app", null).isPresent());
    assertTrue(IdTokenCheck.problem("a.!!!.c", ISS, "app", null).isPresent());
    assertTrue(IdTokenCheck.problem("a.bm90IGpzb24.c", ISS, "app", null).isPresent());
  }
}
