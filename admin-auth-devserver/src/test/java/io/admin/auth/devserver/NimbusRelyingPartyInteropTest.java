package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An unmodified OpenID Connect relying-party library, the Nimbus OAuth 2.0 SDK, signs the demo
 * user in at the dev server (docs/http-contract.md, "Signing people in"): strict discovery, an
 * authentication request with PKCE S256, state and nonce, the code exchange as a public and as
 * a confidential client, ID-token validation and UserInfo. The login and consent pages are
 * answered over plain HTTP ({@link FormSignIn}); the library is the client, not a browser.
 */
class NimbusRelyingPartyInteropTest {

  private static final String PASSWORD = "nimbus-password-42";
  private static final String PARTNER_SECRET = "nimbus-partner-secret-0123";
  private static final Scope SCOPE = new Scope("openid", "profile", "email", "users:read");

  private static DevServer server;
  private static OIDCProviderMetadata provider;

  @BeforeAll
  static void start() throws Exception {
    ConfigResult config = DevServerConfig.parse(List.of("--port", "0", "--store", "memory",
        "--demo-password", PASSWORD, "--demo-partner-secret", PARTNER_SECRET), Map.of());
    server = DevServer.start(assertInstanceOf(ConfigResult.Valid.class, config).config(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        server.baseUri().resolve("/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, discovery.statusCode(), discovery.body());
    provider = OIDCProviderMetadata.parse(discovery.body());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void discoveryWhenParsedStrictlyThenTheLibraryFindsWhatItNeeds() {
    assertEquals(server.issuer(), provider.getIssuer().getValue());
    assertEquals(server.baseUri().resolve("/api/v3/auth/authorize"),
        provider.getAuthorizationEndpointURI());
    assertNotNull(provider.getTokenEndpointURI());
    assertNotNull(provider.getUserInfoEndpointURI());
    assertNotNull(provider.getEndSessionEndpointURI());
    assertNotNull(provider.getJWKSetURI());
    assertTrue(provider.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
    assertTrue(provider.getTokenEndpointAuthMethods().contains(ClientAuthenticationMethod.NONE));
    assertTrue(provider.getTokenEndpointAuthMethods()
        .contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
    assertTrue(provider.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
    assertTrue(provider.supportsAuthorizationResponseIssuerParam());
  }

  @Test
  void publicSpaWhenSignedInThenCodeTokensIdTokenAndUserInfo() throws Exception {
    URI redirect = URI.create("http://localhost:" + server.port() + "/demo/callback");
    ClientID spa = new ClientID("demo-spa");
    SignedIn signedIn = signIn(spa, redirect, "allow");
    assertFalse(signedIn.consentShown(), "demo-spa is first party: no consent page");

    TokenRequest exchange = new TokenRequest(provider.getTokenEndpointURI(), spa,
        new AuthorizationCodeGrant(signedIn.code(), redirect, signedIn.verifier()));

    checkTokens(spa, exchange, signedIn.nonce());
  }

  @Test
  void confidentialPartnerWhenSignedInWithConsentThenClientSecretBasicExchangeSucceeds()
      throws Exception {
    URI redirect = URI.create("http://127.0.0.1:9999/callback");
    ClientID partner = new ClientID("demo-partner");
    SignedIn signedIn = signIn(partner, redirect, "allow");
    assertTrue(signedIn.consentShown(), "demo-partner is a third party: consent is asked");

    TokenRequest exchange = new TokenRequest(provider.getTokenEndpointURI(),
        new ClientSecretBasic(partner, new Secret(PARTNER_SECRET)),
        new AuthorizationCodeGrant(signedIn.code(), redirect, signedIn.verifier()));

    checkTokens(partner, exchange, signedIn.nonce());
  }

  @Test
  void idTokenWhenCheckedForAnotherNonceOrClientThenTheLibraryRefusesIt() throws Exception {
    URI redirect = URI.create("http://localhost:" + server.port() + "/demo/callback");
    ClientID spa = new ClientID("demo-spa");
    SignedIn signedIn = signIn(spa, redirect, "allow");
    OIDCTokens tokens = exchange(new TokenRequest(provider.getTokenEndpointURI(), spa,
        new AuthorizationCodeGrant(signedIn.code(), redirect, signedIn.verifier())));

    assertThrows(BadJOSEException.class, () -> validator(spa)
        .validate(tokens.getIDToken(), new Nonce()));
    assertThrows(BadJOSEException.class, () -> validator(new ClientID("demo-partner"))
        .validate(tokens.getIDToken(), signedIn.nonce()));
  }

  /** What the relying party holds after the redirect: the code and its own secrets. */
  private record SignedIn(AuthorizationCode code, CodeVerifier verifier, Nonce nonce,
      boolean consentShown) {}

  private SignedIn signIn(ClientID client, URI redirect, String decision) throws Exception {
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    Nonce nonce = new Nonce();
    AuthenticationRequest request = new AuthenticationRequest.Builder(
        new ResponseType(ResponseType.Value.CODE), SCOPE, client, redirect)
        .endpointURI(provider.getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .build();

    FormSignIn person = new FormSignIn(server.baseUri(), "demo", PASSWORD);
    URI landed = person.authorize(request.toURI(), redirect, decision);

    AuthenticationResponse response = AuthenticationResponseParser.parse(landed);
    assertTrue(response.indicatesSuccess(), landed::toString);
    AuthenticationSuccessResponse success = response.toSuccessResponse();
    assertEquals(redirect, success.getRedirectionURI());
    assertEquals(state, success.getState());
    assertEquals(provider.getIssuer(), success.getIssuer());
    return new SignedIn(success.getAuthorizationCode(), verifier, nonce, person.consentShown());
  }

  private static OIDCTokens exchange(TokenRequest request) throws Exception {
    HTTPResponse http = request.toHTTPRequest().send();
    TokenResponse response = OIDCTokenResponseParser.parse(http);
    assertTrue(response.indicatesSuccess(), http::getContent);
    return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
  }

  private void checkTokens(ClientID client, TokenRequest request, Nonce nonce) throws Exception {
    OIDCTokens tokens = exchange(request);

    IDTokenClaimsSet claims = validator(client).validate(tokens.getIDToken(), nonce);
    assertEquals("demo", claims.getSubject().getValue());
    assertEquals(nonce, claims.getNonce());
    assertNotNull(claims.getAuthenticationTime());

    HTTPResponse http = new UserInfoRequest(provider.getUserInfoEndpointURI(),
        (BearerAccessToken) tokens.getAccessToken()).toHTTPRequest().send();
    UserInfoResponse userInfo = UserInfoResponse.parse(http);
    assertTrue(userInfo.indicatesSuccess(), http::getContent);
    UserInfoSuccessResponse info = userInfo.toSuccessResponse();
    assertEquals(claims.getSubject(), info.getUserInfo().getSubject());
    assertEquals("demo", info.getUserInfo().getPreferredUsername());
  }

  private static IDTokenValidator validator(ClientID client) throws Exception {
    return new IDTokenValidator(provider.getIssuer(), client, JWSAlgorithm.RS256,
        provider.getJWKSetURI().toURL());
  }
}
