package io.admin.auth.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.signin.ResponseMode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The browser half of the sign-in client, without a server: the authorization URI it builds and
 * its checks of the redirect (state, RFC 9207 {@code iss}, errors as values). The code exchange
 * runs against the real token endpoint in the testkit's tests.
 */
class AuthorizationCodeClientTest {

  private static final String ISSUER = "https://auth.example.com";
  private static final String REDIRECT = "http://127.0.0.1:8400/callback";

  private static AuthorizationCodeClientBuilder builder() {
    return AuthorizationCodeClient.builder()
        .issuer(ISSUER)
        .authorizationEndpoint(URI.create(ISSUER + "/api/v3/auth/authorize"))
        .tokenEndpoint(URI.create(ISSUER + "/api/v3/auth/token"))
        .clientId("notes app")
        .redirectUri(REDIRECT)
        .scope("openid profile offline_access");
  }

  private static Map<String, String> query(URI uri) {
    return CallbackParameters.ofQuery(uri.getRawQuery()).orElseThrow();
  }

  @Test
  void startThenEveryParameterAndAnS256ChallengeOfTheKeptVerifier() {
    PendingSignIn pending = builder().build().start();

    Map<String, String> q = query(pending.authorizationUri());
    assertTrue(pending.authorizationUri().toString().startsWith(ISSUER
        + "/api/v3/auth/authorize?response_type=code&client_id=notes%20app&"),
        pending.authorizationUri().toString());
    assertEquals("notes app", q.get("client_id"));
    assertEquals(REDIRECT, q.get("redirect_uri"));
    assertEquals("openid profile offline_access", q.get("scope"));
    assertEquals(pending.state(), q.get("state"));
    assertEquals(pending.nonce(), q.get("nonce"));
    assertEquals("S256", q.get("code_challenge_method"));
    assertEquals(Pkce.s256(pending.codeVerifier()), q.get("code_challenge"));
    assertTrue(Pkce.isValidVerifier(pending.codeVerifier()));
    assertFalse(q.containsKey("response_mode"));
    assertFalse(q.containsKey("code_verifier"));
  }

  @Test
  void startTwiceThenFreshSecretsEachTime() {
    AuthorizationCodeClient client = builder().build();
    PendingSignIn a = client.start();
    PendingSignIn b = client.start();
    assertNotEquals(a.state(), b.state());
    assertNotEquals(a.codeVerifier(), b.codeVerifier());
    assertNotEquals(a.nonce(), b.nonce());
    assertFalse(a.toString().contains(a.codeVerifier()) || a.toString().contains(a.state())
        || a.toString().contains(a.nonce()), a.toString());
  }

  @Test
  void startWithoutOpenidThenNoNonceAndFormPostWhenAsked() {
    PendingSignIn pending = builder().scope("users:read")
        .responseMode(ResponseMode.FORM_POST).build().start(Map.of("prompt", "login"));
    Map<String, String> q = query(pending.authorizationUri());
    assertNull(pending.nonce());
    assertFalse(q.containsKey("nonce"));
    assertEquals("form_post", q.get("response_mode"));
    assertEquals("login", q.get("prompt"));
  }

  @Test
  void startWhenAnExtraParameterWouldReplaceOneOfTheClientsThenRefused() {
    AuthorizationCodeClient client = builder().build();
    assertThrows(IllegalArgumentException.class,
        () -> client.start(Map.of("code_challenge_method", "plain")));
    assertThrows(IllegalArgumentException.class, () -> client.start(Map.of("state", "x")));
  }

  @Test
  void callbackWhenStateAndIssMatchThenTheCode() {
    AuthorizationCodeClient client = builder().issuerParameterRequired(true).build();
    PendingSignIn pending = client.start();

    AuthorizationCallback result = client.callback(pending, URI.create(REDIRECT + "?code=c%2B1"
        + "&state=" + pending.state() + "&iss=" + "https%3A%2F%2Fauth.example.com"));

    assertEquals("c+1", assertInstanceOf(AuthorizationCallback.Code.class, result).code());
    assertFalse(result.toString().contains("c+1"));
  }

  @Test
  void callbackWhenStateDiffersOrIsMissingThenInvalid() {
    AuthorizationCodeClient client = builder().build();
    PendingSignIn pending = client.start();
    PendingSignIn other = client.start();

    assertInstanceOf(AuthorizationCallback.Invalid.class,
        client.callback(pending, Map.of("code", "c", "state", other.state())));
    assertInstanceOf(AuthorizationCallback.Invalid.class,
        client.callback(pending, Map.of("code", "c")));
  }

  @Test
  void callbackWhenIssNamesAnotherServerThenInvalidEvenIfNotRequired() {
    AuthorizationCodeClient client = builder().build();
    PendingSignIn pending = client.start();

    AuthorizationCallback result = client.callback(pending,
        Map.of("code", "c", "state", pending.state(), "iss", "https://evil.example"));

    assertEquals("the redirect comes from another issuer",
        assertInstanceOf(AuthorizationCallback.Invalid.class, result).reason());
  }

  @Test
  void callbackWhenIssMissingThenInvalidOnlyIfTheServerAlwaysSendsIt() {
    Map<String, String> params = new HashMap<>(Map.of("code", "c"));
    AuthorizationCodeClient lax = builder().build();
    PendingSignIn p1 = lax.start();
    params.put("state", p1.state());
    assertInstanceOf(AuthorizationCallback.Code.class, lax.callback(p1, params));

    AuthorizationCodeClient strict = builder().issuerParameterRequired(true).build();
    PendingSignIn p2 = strict.start();
    params.put("state", p2.state());
    assertInstanceOf(AuthorizationCallback.Invalid.class, strict.callback(p2, params));
  }

  @Test
  void callbackWhenErrorThenRefusedValueWithItsDescription() {
    AuthorizationCodeClient client = builder().issuerParameterRequired(true).build();
    PendingSignIn pending = client.start();

    AuthorizationCallback result = client.callback(pending, URI.create(REDIRECT
        + "?error=access_denied&error_description=The%20person%20declined.&state="
        + pending.state() + "&iss=" + ISSUER));

    AuthorizationCallback.Refused refused =
        assertInstanceOf(AuthorizationCallback.Refused.class, result);
    assertEquals("access_denied", refused.error());
    assertEquals(Optional.of("The person declined."), refused.description());
  }

  @Test
  void callbackWhenAParameterIsRepeatedOrNeitherCodeNorErrorThenInvalid() {
    AuthorizationCodeClient client = builder().build();
    PendingSignIn pending = client.start();
    assertInstanceOf(AuthorizationCallback.Invalid.class, client.callback(pending,
        URI.create(REDIRECT + "?code=a&code=b&state=" + pending.state())));
    assertInstanceOf(AuthorizationCallback.Invalid.class,
        client.callback(pending, Map.of("state", pending.state())));
  }

  @Test
  void buildWhenSettingsMissingOrUnsafeThenRefused() {
    assertThrows(IllegalArgumentException.class, () -> builder().issuer(null).build());
    assertThrows(IllegalArgumentException.class, () -> builder().redirectUri(null).build());
    assertThrows(IllegalArgumentException.class, () -> builder().scope(" openid").build());
    assertThrows(IllegalArgumentException.class, () -> builder().clientSecret("").build());
    assertThrows(IllegalArgumentException.class, () -> builder()
        .authorizationEndpoint(URI.create("http://auth.example.com/authorize")).build());
    assertThrows(IllegalArgumentException.class, () -> builder()
        .tokenEndpoint(URI.create("http://auth.example.com/token")).build());
  }

  @Test
  void toStringThenNoSecret() {
    String text = builder().clientSecret("s3cr3t-value").build().toString();
    assertFalse(text.contains("s3cr3t-value"), text);
    assertTrue(text.contains("public=false"), text);
  }
}
