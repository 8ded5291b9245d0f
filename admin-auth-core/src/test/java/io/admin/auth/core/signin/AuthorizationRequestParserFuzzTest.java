package io.admin.auth.core.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.admin.auth.core.signin.AuthorizationRequestResult.RedirectError;
import io.admin.auth.core.signin.AuthorizationRequestResult.ShowErrorPage;
import io.admin.auth.core.signin.AuthorizationRequestResult.Valid;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link AuthorizationRequestParser#parse} with parameter maps built from near-valid and
 * arbitrary values, and {@link RedirectUris#match} against a regular-expression reference of the
 * loopback rule. Properties: no exception escapes (the target's in-memory client store never
 * fails, so not even {@code AuthUnavailableException}); a {@code Valid} request names a client of
 * the store, carries the {@code redirect_uri} sent, which the reference says is registered for
 * that client, an S256 challenge of the right syntax and scopes within the client's; a
 * redirected error goes only to such a URI, with an {@code error_description} in RFC 6749's
 * characters; every response location parses as a URI; an error page shows one of its fixed sentences, never input. A plain
 * {@code mvn verify} replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes (see SECURITY.md).
 */
class AuthorizationRequestParserFuzzTest {

  private static final InMemoryClientStore CLIENTS = SignInFixture.clients();
  private static final AuthorizationRequestParser PARSER = new AuthorizationRequestParser(CLIENTS);
  private static final Pattern LOOPBACK =
      Pattern.compile("http://(127\\.0\\.0\\.1|\\[::1\\])(?::([1-9][0-9]{0,4}))?([/?].*)?",
          Pattern.DOTALL);
  private static final Pattern S256 = Pattern.compile("[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]");
  private static final Pattern DESCRIPTION = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  private static final Set<String> PAGE_REASONS = Set.of(
      "The application that sent you here is not known.",
      "The application that sent you here cannot sign people in.",
      "The address to return to is not registered for this application.");
  private static final List<String> NAMES = List.of("response_type", "client_id",
      "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method",
      "response_mode", "prompt", "max_age", "request", "request_uri");
  private static final Map<String, List<String>> NEAR_VALID = Map.ofEntries(
      Map.entry("response_type", List.of("code", "token", "code id_token")),
      Map.entry("client_id", List.of("web", "native", "machine", "no-code")),
      Map.entry("redirect_uri", List.of("https://app.example.com/cb",
          "https://app.example.com/cb?tenant=1", "http://127.0.0.1:8080/cb",
          "http://127.0.0.1:1234/cb", "http://[::1]:8080/cb", "com.example.app:/cb",
          "https://nocode.example/cb", "http://127.0.0.1.evil.com:8080/cb")),
      Map.entry("scope", List.of("openid", "openid profile email", "users:read",
          "users:write", "offline_access openid")),
      Map.entry("state", List.of("s-1", "a b&c=d", "")),
      Map.entry("nonce", List.of("n-1", "")),
      Map.entry("code_challenge", List.of(SignInFixture.CHALLENGE,
          "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")),
      Map.entry("code_challenge_method", List.of("S256", "plain")),
      Map.entry("response_mode", List.of("query", "form_post", "fragment")),
      Map.entry("prompt", List.of("none", "login", "consent", "login consent", "none login")),
      Map.entry("max_age", List.of("0", "3600", "-1")),
      Map.entry("request", List.of("x")),
      Map.entry("request_uri", List.of("x")));

  /** One target (fuzzing runs one per JVM): the parser, or the matcher against the reference. */
  @FuzzTest(maxDuration = "10m")
  void parseNeverThrowsAndValidIsTrustworthy(FuzzedDataProvider data) {
    if (data.consumeInt(0, 3) == 0) {
      matchAgreesWithReference(data);
      return;
    }
    Map<String, String[]> params = new LinkedHashMap<>();
    for (String name : NAMES) {
      String[] values = values(data, NEAR_VALID.get(name));
      if (values != null) {
        params.put(name, values);
      }
    }
    if (data.consumeBoolean()) {
      params.put(data.consumeString(20), new String[] {data.consumeString(50)});
    }
    check(params, PARSER.parse(params));
  }

  private static String[] values(FuzzedDataProvider data, List<String> nearValid) {
    switch (data.consumeInt(0, 5)) {
      case 0:
        return null;
      case 1:
        return new String[] {data.consumeString(300)};
      case 2:
        return new String[] {data.pickValue(nearValid), data.pickValue(nearValid)};
      case 3:
        return new String[] {data.pickValue(nearValid) + data.consumeString(3)};
      default:
        return new String[] {data.pickValue(nearValid)};
    }
  }

  private static String single(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    return v == null || v.length != 1 || v[0] == null || v[0].isEmpty() ? null : v[0];
  }

  private static void check(Map<String, String[]> params, AuthorizationRequestResult result) {
    assertNotNull(result);
    String issuer = "https://issuer.example";
    if (result instanceof ShowErrorPage page) {
      assertTrue(PAGE_REASONS.contains(page.reason()), page.reason());
      return;
    }
    OAuthClient client = CLIENTS.findById(single(params, "client_id")).orElseThrow();
    String uri = single(params, "redirect_uri");
    assertTrue(registered(client, uri), uri);
    if (result instanceof RedirectError error) {
      assertEquals(uri, error.redirectUri());
      assertTrue(DESCRIPTION.matcher(error.description()).matches(), error.description());
      assertTrue(error.state() == null || error.state().equals(single(params, "state")));
      location(AuthorizationResponse.error(error, issuer));
      return;
    }
    AuthorizationRequest request = ((Valid) result).request();
    assertEquals(client, request.client());
    assertEquals(uri, request.redirectUri());
    assertTrue(S256.matcher(request.codeChallenge()).matches(), request.codeChallenge());
    assertEquals("S256", single(params, "code_challenge_method"));
    assertEquals("code", single(params, "response_type"));
    assertTrue(client.allowedScopes().containsAll(request.scopes()));
    assertFalse(request.scopes().isEmpty());
    assertEquals(single(params, "state"), request.state());
    location(AuthorizationResponse.success(request, "c0de", issuer));
  }

  private static void location(AuthorizationResponse response) {
    if (response.responseMode() == ResponseMode.QUERY) {
      URI parsed = URI.create(response.location());
      assertEquals(null, parsed.getRawFragment());
    }
  }

  private static boolean registered(OAuthClient client, String uri) {
    for (String r : client.signIn().redirectUris()) {
      if (r.equals(uri) || sameLoopbackButPort(r, uri)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameLoopbackButPort(String registered, String requested) {
    Matcher a = LOOPBACK.matcher(registered);
    Matcher b = LOOPBACK.matcher(requested);
    if (requested.contains("#") || !a.matches() || !b.matches()) {
      return false;
    }
    return a.group(1).equals(b.group(1)) && portOk(a.group(2)) && portOk(b.group(2))
        && String.valueOf(a.group(3)).equals(String.valueOf(b.group(3)));
  }

  private static boolean portOk(String port) {
    return port == null || Integer.parseInt(port) <= 65_535;
  }

  private static void matchAgreesWithReference(FuzzedDataProvider data) {
    String registered = data.consumeBoolean()
        ? data.pickValue(NEAR_VALID.get("redirect_uri")) : data.consumeString(60);
    String requested = data.consumeBoolean()
        ? data.pickValue(NEAR_VALID.get("redirect_uri")) + data.consumeString(10)
        : data.consumeRemainingAsString();
    boolean expected = !requested.isEmpty() && !requested.contains("#")
        && (registered.equals(requested) || sameLoopbackButPort(registered, requested));
    assertEquals(expected, RedirectUris.match(List.of(registered), requested).isPresent(),
        registered + " / " + requested);
  }
}
