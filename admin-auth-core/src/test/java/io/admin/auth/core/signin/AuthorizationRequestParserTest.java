package io.admin.auth.core.signin;

import static io.admin.auth.core.signin.SignInFixture.CHALLENGE;
import static io.admin.auth.core.signin.SignInFixture.params;
import static io.admin.auth.core.signin.SignInFixture.validWeb;
import static io.admin.auth.core.signin.SignInFixture.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.signin.AuthorizationRequestResult.RedirectError;
import io.admin.auth.core.signin.AuthorizationRequestResult.ShowErrorPage;
import io.admin.auth.core.signin.AuthorizationRequestResult.Valid;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationRequestParserTest {

  private final AuthorizationRequestParser parser =
      new AuthorizationRequestParser(SignInFixture.clients());

  private AuthorizationRequest valid(Map<String, String[]> params) {
    return assertInstanceOf(Valid.class, parser.parse(params)).request();
  }

  private ShowErrorPage errorPage(Map<String, String[]> params) {
    return assertInstanceOf(ShowErrorPage.class, parser.parse(params));
  }

  private RedirectError redirectError(Map<String, String[]> params, String error) {
    RedirectError e = assertInstanceOf(RedirectError.class, parser.parse(params));
    assertEquals(error, e.error(), e.description());
    return e;
  }

  @Test
  void parseWhenCompleteThenValidWithEverythingAsSent() {
    AuthorizationRequest r = valid(validWeb());

    assertSame(SignInFixture.WEB, r.client());
    assertEquals("https://app.example.com/cb", r.redirectUri());
    assertEquals(ResponseMode.QUERY, r.responseMode());
    assertEquals(Set.of("openid", "profile"), r.scopes());
    assertEquals("s-123", r.state());
    assertEquals("n-456", r.nonce());
    assertEquals(CHALLENGE, r.codeChallenge());
    assertEquals(Set.of(), r.prompts());
    assertNull(r.maxAge());
    assertTrue(r.openid());
  }

  @Test
  void parseWhenOptionalPartsAbsentOrEmptyThenTreatedAsOmitted() {
    // RFC 6749 3.1: a parameter sent without a value is treated as omitted.
    AuthorizationRequest r = valid(with(with(with(validWeb(), "state", ""), "nonce"),
        "scope", "users:read"));

    assertNull(r.state());
    assertNull(r.nonce());
    assertFalse(r.openid());
    assertEquals(Set.of("users:read"), r.scopes());
  }

  @Test
  void parseWhenValuesArrayEmptyOrNullThenTreatedAsOmitted() {
    Map<String, String[]> p = new HashMap<>(validWeb());
    p.put("state", new String[0]);
    p.put("nonce", null);
    p.put("state2", new String[] {null});

    AuthorizationRequest r = valid(p);
    assertNull(r.state());
    assertNull(r.nonce());
  }

  @Test
  void parseWhenUnknownParametersThenIgnored() {
    assertInstanceOf(Valid.class, parser.parse(with(validWeb(), "ui_locales", "de")));
  }

  @Test
  void parseWhenFormPostThenKept() {
    assertEquals(ResponseMode.FORM_POST,
        valid(with(validWeb(), "response_mode", "form_post")).responseMode());
    assertEquals(ResponseMode.QUERY, valid(with(validWeb(), "response_mode", "query"))
        .responseMode());
  }

  @Test
  void parseWhenLoopbackOnAnotherPortThenTheExactStringSentIsKept() {
    Map<String, String[]> p = with(with(validWeb(), "client_id", "native"), "redirect_uri",
        "http://127.0.0.1:53121/cb");

    assertEquals("http://127.0.0.1:53121/cb", valid(p).redirectUri());
  }

  @Test
  void parseWhenPrivateUseSchemeThenValid() {
    Map<String, String[]> p = with(with(validWeb(), "client_id", "native"), "redirect_uri",
        "com.example.app:/cb");

    assertEquals("com.example.app:/cb", valid(p).redirectUri());
  }

  @Test
  void parseWhenPromptsAndMaxAgeThenParsed() {
    AuthorizationRequest r = valid(with(with(validWeb(), "prompt", "login consent"),
        "max_age", "0"));
    assertEquals(Set.of(Prompt.LOGIN, Prompt.CONSENT), r.prompts());
    assertEquals(Duration.ZERO, r.maxAge());

    r = valid(with(with(validWeb(), "prompt", "none"), "max_age", "3600"));
    assertEquals(Set.of(Prompt.NONE), r.prompts());
    assertEquals(Duration.ofHours(1), r.maxAge());
  }

  // ---- never redirect: the error page ----

  @Test
  void parseWhenClientIdMissingEmptyUnknownRepeatedOrOverlongThenErrorPage() {
    for (Map<String, String[]> p : List.of(with(validWeb(), "client_id"),
        with(validWeb(), "client_id", ""), with(validWeb(), "client_id", "nobody"),
        with(validWeb(), "client_id", "web", "web"),
        with(validWeb(), "client_id", "web", "native"),
        with(validWeb(), "client_id", "w".repeat(10_000)),
        with(validWeb(), "client_id", "we b"))) {
      errorPage(p);
    }
  }

  @Test
  void parseWhenClientCannotSignPeopleInThenErrorPage() {
    errorPage(with(validWeb(), "client_id", "machine"));
  }

  @Test
  void parseWhenRedirectUriMissingUnregisteredRepeatedOrOverlongThenErrorPage() {
    String registered = "https://app.example.com/cb";
    for (Map<String, String[]> p : List.of(with(validWeb(), "redirect_uri"),
        with(validWeb(), "redirect_uri", ""),
        with(validWeb(), "redirect_uri", "https://evil.example/cb"),
        with(validWeb(), "redirect_uri", registered, registered),
        with(validWeb(), "redirect_uri", registered + "/"),
        with(validWeb(), "redirect_uri", registered + "#x"),
        with(validWeb(), "redirect_uri", registered + "?" + "a".repeat(3000)),
        with(validWeb(), "redirect_uri", "https://app.example.com/c\u00e9"),
        // another client's URI
        with(validWeb(), "redirect_uri", "com.example.app:/cb"))) {
      errorPage(p);
    }
  }

  @Test
  void parseWhenErrorPageThenReasonIsFixedTextNeverTheInput() {
    ShowErrorPage page = errorPage(with(validWeb(), "client_id", "<script>x</script>"));
    assertFalse(page.reason().contains("script"), page.reason());
  }

  @Test
  void parseWhenClientStoreDownThenAuthUnavailablePropagates() {
    ClientStore down = new ClientStore() {
      @Override
      public Optional<OAuthClient> findById(String clientId) {
        throw new AuthUnavailableException("store down");
      }

      @Override
      public List<OAuthClient> findAll() {
        throw new AuthUnavailableException("store down");
      }

      @Override
      public void save(OAuthClient client) {}

      @Override
      public boolean delete(String clientId) {
        return false;
      }
    };

    assertThrows(AuthUnavailableException.class,
        () -> new AuthorizationRequestParser(down).parse(validWeb()));
  }

  // ---- redirected errors ----

  @Test
  void parseWhenResponseTypeMissingThenInvalidRequestWithStateAndMode() {
    RedirectError e = redirectError(
        with(with(validWeb(), "response_type"), "response_mode", "form_post"), "invalid_request");
    assertEquals("https://app.example.com/cb", e.redirectUri());
    assertEquals(ResponseMode.FORM_POST, e.responseMode());
    assertEquals("s-123", e.state());
  }

  @ParameterizedTest
  @ValueSource(strings = {"token", "code id_token", "id_token", "CODE", "code "})
  void parseWhenResponseTypeNotCodeThenUnsupportedResponseType(String type) {
    redirectError(with(validWeb(), "response_type", type), "unsupported_response_type");
  }

  @Test
  void parseWhenClientMayNotUseTheCodeGrantThenUnauthorizedClient() {
    redirectError(with(with(validWeb(), "client_id", "no-code"), "redirect_uri",
        "https://nocode.example/cb"), "unauthorized_client");
  }

  @Test
  void parseWhenPkceMissingOrPlainThenInvalidRequest() {
    redirectError(with(validWeb(), "code_challenge"), "invalid_request");
    redirectError(with(validWeb(), "code_challenge_method"), "invalid_request");
    redirectError(with(validWeb(), "code_challenge_method", "plain"), "invalid_request");
    redirectError(with(validWeb(), "code_challenge_method", "s256"), "invalid_request");
    redirectError(with(validWeb(), "code_challenge_method", "S256", "S256"), "invalid_request");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", // 42 characters
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cMA", // 44 characters
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", // not base64url
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cN", // trailing bits not zero: no SHA-256 output
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c=",
      "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-long-enough-for-plain-pkce-verifier"})
  void parseWhenChallengeMalformedThenInvalidRequest(String challenge) {
    redirectError(with(validWeb(), "code_challenge", challenge), "invalid_request");
  }

  @Test
  void parseWhenScopeAbsentOrOutsideTheClientsThenInvalidScope() {
    redirectError(with(validWeb(), "scope"), "invalid_scope");
    redirectError(with(validWeb(), "scope", "   "), "invalid_scope");
    redirectError(with(validWeb(), "scope", "openid users:write"), "invalid_scope");
    redirectError(with(validWeb(), "scope", "openid pro\"file"), "invalid_scope");
    redirectError(with(validWeb(), "scope", "openid " + "x".repeat(1000)), "invalid_request");
  }

  @Test
  void parseWhenScopeHasExtraSpacesThenTheTokensCount() {
    assertEquals(Set.of("openid", "email"),
        valid(with(validWeb(), "scope", " openid  email openid ")).scopes());
  }

  @Test
  void parseWhenPromptInvalidThenInvalidRequest() {
    for (String prompt : List.of("none login", "consent none", "select_account", "LOGIN",
        "login\tconsent")) {
      redirectError(with(validWeb(), "prompt", prompt), "invalid_request");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+5", "1e3", "1.5", "abc", " 5", "99999999999999999999",
      "315360001", "٣"})
  void parseWhenMaxAgeInvalidThenInvalidRequest(String maxAge) {
    redirectError(with(validWeb(), "max_age", maxAge), "invalid_request");
  }

  @Test
  void parseWhenResponseModeInvalidThenInvalidRequestSentByQuery() {
    for (String[] mode : List.of(new String[] {"fragment"}, new String[] {"form_post", "query"},
        new String[] {"FORM_POST"})) {
      RedirectError e = redirectError(with(validWeb(), "response_mode", mode), "invalid_request");
      assertEquals(ResponseMode.QUERY, e.responseMode());
      assertEquals("s-123", e.state());
    }
  }

  @Test
  void parseWhenStateUnusableThenErrorWithoutState() {
    for (Map<String, String[]> p : List.of(with(validWeb(), "state", "a", "b"),
        with(validWeb(), "state", "s".repeat(513)),
        with(validWeb(), "state", "line\nbreak"),
        with(validWeb(), "state", "caf\u00e9"))) {
      RedirectError e = redirectError(p, "invalid_request");
      assertNull(e.state());
    }
    assertEquals("s".repeat(512), valid(with(validWeb(), "state", "s".repeat(512))).state());
    assertEquals("a b~", valid(with(validWeb(), "state", "a b~")).state());
  }

  @Test
  void parseWhenNonceUnusableThenInvalidRequest() {
    redirectError(with(validWeb(), "nonce", "n".repeat(513)), "invalid_request");
    redirectError(with(validWeb(), "nonce", "n", "m"), "invalid_request");
    redirectError(with(validWeb(), "nonce", "\u0000"), "invalid_request");
  }

  @Test
  void parseWhenAnyOtherParameterRepeatedThenInvalidRequest() {
    for (String name : List.of("response_type", "scope", "code_challenge", "prompt", "max_age")) {
      String value = validWeb().containsKey(name) ? validWeb().get(name)[0] : "login";
      if (name.equals("max_age")) {
        value = "5";
      }
      redirectError(with(validWeb(), name, value, value), "invalid_request");
    }
  }

  @Test
  void parseWhenRequestObjectsSentThenTheirNotSupportedErrors() {
    redirectError(with(validWeb(), "request", "eyJ..."), "request_not_supported");
    redirectError(with(validWeb(), "request_uri", "https://x/r"), "request_uri_not_supported");
  }

  @Test
  void parseWhenTooManyOrTooLargeParametersThenInvalidRequest() {
    Map<String, String[]> many = new HashMap<>(validWeb());
    for (int i = 0; i < 100; i++) {
      many.put("extra" + i, new String[] {"v"});
    }
    redirectError(many, "invalid_request");
    redirectError(with(validWeb(), "ui_locales", "x".repeat(20_000)), "invalid_request");
  }

  @Test
  void parseWhenAnyRedirectErrorThenDescriptionIsOAuthSafeTextWithoutTheInput() {
    for (Map<String, String[]> p : List.of(with(validWeb(), "response_type", "tok\"en"),
        with(validWeb(), "scope", "openid evil\\scope"), with(validWeb(), "prompt", "p\"x"),
        with(validWeb(), "max_age", "\"1\""), with(validWeb(), "code_challenge", "\\"))) {
      RedirectError e = assertInstanceOf(RedirectError.class, parser.parse(p));
      // RFC 6749 4.1.2.1: error_description is %x20-21 / %x23-5B / %x5D-7E.
      assertTrue(e.description().matches("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+"), e.description());
    }
  }

  @Test
  void parseWhenNullMapThenErrorPage() {
    errorPage(params());
    assertInstanceOf(ShowErrorPage.class, parser.parse(null));
  }
}
