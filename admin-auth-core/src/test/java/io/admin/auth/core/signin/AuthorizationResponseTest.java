package io.admin.auth.core.signin;

import static io.admin.auth.core.signin.SignInFixture.CHALLENGE;
import static io.admin.auth.core.signin.SignInFixture.NATIVE;
import static io.admin.auth.core.signin.SignInFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admin.auth.core.signin.AuthorizationResponse.Parameter;
import io.admin.auth.core.spi.OAuthClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationResponseTest {

  private static final String ISSUER = "https://issuer.example/auth";

  private static AuthorizationRequest request(OAuthClient client, String uri, ResponseMode mode,
      String state) {
    return new AuthorizationRequest(client, uri, mode, Set.of("openid"), state, null, CHALLENGE,
        Set.of(), null);
  }

  @Test
  void successWhenQueryModeThenCodeStateAndIssAppendedWithQuestionMark() {
    AuthorizationResponse r = AuthorizationResponse.success(
        request(WEB, "https://app.example.com/cb", ResponseMode.QUERY, "s-123"), "c0de", ISSUER);

    assertEquals("https://app.example.com/cb?code=c0de&state=s-123"
        + "&iss=https%3A%2F%2Fissuer.example%2Fauth", r.location());
  }

  @Test
  void successWhenRedirectUriHasAQueryThenAppendedWithAmpersand() {
    AuthorizationResponse r = AuthorizationResponse.success(
        request(WEB, "https://app.example.com/cb?tenant=1", ResponseMode.QUERY, null), "c",
        ISSUER);

    assertEquals("https://app.example.com/cb?tenant=1&code=c"
        + "&iss=https%3A%2F%2Fissuer.example%2Fauth", r.location());
  }

  @Test
  void successWhenStateHasReservedCharactersThenPercentEncodedAndRoundTrips() {
    String state = "a b&c=d+e%f?g#h/i~j.k_l-m\"n";
    AuthorizationResponse r = AuthorizationResponse.success(
        request(WEB, "https://app.example.com/cb", ResponseMode.QUERY, state), "c", ISSUER);

    assertEquals("https://app.example.com/cb?code=c"
        + "&state=a%20b%26c%3Dd%2Be%25f%3Fg%23h%2Fi~j.k_l-m%22n"
        + "&iss=https%3A%2F%2Fissuer.example%2Fauth", r.location());
    assertEquals(List.of("code=c", "state=" + state, "iss=" + ISSUER), decodedQuery(r.location()));
    // The whole location is a valid URI, with no fragment a browser would keep from the state.
    assertEquals(null, URI.create(r.location()).getRawFragment());
  }

  @Test
  void successWhenLoopbackOrPrivateUseUriThenTheUriAsSentIsUsed() {
    assertEquals("http://127.0.0.1:5555/cb?code=c&iss=https%3A%2F%2Fissuer.example%2Fauth",
        AuthorizationResponse.success(
            request(NATIVE, "http://127.0.0.1:5555/cb", ResponseMode.QUERY, null), "c", ISSUER)
            .location());
    assertEquals("com.example.app:/cb?code=c&iss=https%3A%2F%2Fissuer.example%2Fauth",
        AuthorizationResponse.success(
            request(NATIVE, "com.example.app:/cb", ResponseMode.QUERY, null), "c", ISSUER)
            .location());
  }

  @Test
  void errorWhenQueryModeThenErrorDescriptionStateAndIss() {
    AuthorizationResponse r = AuthorizationResponse.error(
        new AuthorizationRequestResult.RedirectError("https://app.example.com/cb",
            ResponseMode.QUERY, "invalid_scope", "Not allowed.", "s"), ISSUER);

    assertEquals("https://app.example.com/cb?error=invalid_scope"
        + "&error_description=Not%20allowed.&state=s"
        + "&iss=https%3A%2F%2Fissuer.example%2Fauth", r.location());
  }

  @Test
  void successWhenFormPostThenFieldsInOrderAndNoLocation() {
    AuthorizationResponse r = AuthorizationResponse.success(
        request(WEB, "https://app.example.com/cb", ResponseMode.FORM_POST, "s"), "c", ISSUER);

    assertEquals(ResponseMode.FORM_POST, r.responseMode());
    assertEquals("https://app.example.com/cb", r.redirectUri());
    assertEquals(List.of(new Parameter("code", "c"), new Parameter("state", "s"),
        new Parameter("iss", ISSUER)), r.parameters());
    // A code must never land in a URL (browser history, Referer) when form_post was asked for.
    assertThrows(IllegalStateException.class, r::location);
  }

  @Test
  void errorWhenFormPostThenFieldsWithoutState() {
    AuthorizationResponse r = AuthorizationResponse.error(
        new AuthorizationRequestResult.RedirectError("https://app.example.com/cb",
            ResponseMode.FORM_POST, "access_denied", "Declined.", null), ISSUER);

    assertEquals(List.of(new Parameter("error", "access_denied"),
        new Parameter("error_description", "Declined."), new Parameter("iss", ISSUER)),
        r.parameters());
  }

  @Test
  void successWhenIssuerOrCodeMissingThenRefused() {
    AuthorizationRequest req = request(WEB, "https://app.example.com/cb", ResponseMode.QUERY, null);
    assertThrows(NullPointerException.class, () -> AuthorizationResponse.success(req, null, ISSUER));
    assertThrows(NullPointerException.class, () -> AuthorizationResponse.success(req, "c", null));
  }

  @Test
  void constructorWhenRedirectUriEmptyThenRefusedRatherThanAFailingLocation() {
    assertThrows(IllegalArgumentException.class,
        () -> new AuthorizationResponse("", ResponseMode.QUERY, List.of()));
  }

  @Test
  void toStringWhenPrintedThenNoCodeOrState() {
    AuthorizationResponse r = AuthorizationResponse.success(request(WEB,
        "https://app.example.com/cb", ResponseMode.FORM_POST, "the-state"), "the-code", ISSUER);
    String printed = r.toString() + r.parameters().stream().map(Object::toString).toList();

    org.junit.jupiter.api.Assertions.assertFalse(printed.contains("the-code"), printed);
    org.junit.jupiter.api.Assertions.assertFalse(printed.contains("the-state"), printed);
  }

  private static List<String> decodedQuery(String location) {
    List<String> out = new ArrayList<>();
    for (String pair : location.substring(location.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      out.add(pair.substring(0, eq) + "="
          + URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
