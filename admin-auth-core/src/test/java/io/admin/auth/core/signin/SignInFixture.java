package io.admin.auth.core.signin;

import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Clients and request parameters the sign-in tests share. */
final class SignInFixture {

  /** The RFC 7636 appendix B example challenge: a real S256 value. */
  static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  static final Set<String> SCOPES =
      Set.of("openid", "profile", "email", "offline_access", "users:read");

  /** Confidential, third party, two web redirect URIs (one with a query). */
  static final OAuthClient WEB = new OAuthClient("web", "a-hash", SCOPES,
      Set.of("authorization_code", "refresh_token"), false, null, null,
      new SignInSettings(false,
          List.of("https://app.example.com/cb", "https://app.example.com/cb?tenant=1"),
          List.of(), false, "Web App"));

  /** Public, first party, a loopback and a private-use redirect URI. */
  static final OAuthClient NATIVE = new OAuthClient("native", "", SCOPES,
      Set.of("authorization_code", "refresh_token"), false, null, null,
      new SignInSettings(true, List.of("http://127.0.0.1:8080/cb", "com.example.app:/cb"),
          List.of(), true, null));

  /** A machine client: no redirect URI. */
  static final OAuthClient MACHINE =
      new OAuthClient("machine", "a-hash", SCOPES, Set.of("client_credentials"), false, null, null);

  /** Has a redirect URI but may not use the authorization code grant. */
  static final OAuthClient NO_CODE = new OAuthClient("no-code", "a-hash", SCOPES,
      Set.of("client_credentials"), false, null, null,
      new SignInSettings(false, List.of("https://nocode.example/cb"), List.of(), false, null));

  private SignInFixture() {}

  static InMemoryClientStore clients() {
    InMemoryClientStore store = new InMemoryClientStore();
    for (OAuthClient c : List.of(WEB, NATIVE, MACHINE, NO_CODE)) {
      store.save(c);
    }
    return store;
  }

  /** A complete, valid request of the web client. */
  static Map<String, String[]> validWeb() {
    return params("response_type", "code", "client_id", "web",
        "redirect_uri", "https://app.example.com/cb", "scope", "openid profile",
        "state", "s-123", "nonce", "n-456", "code_challenge", CHALLENGE,
        "code_challenge_method", "S256");
  }

  static Map<String, String[]> params(String... namesAndValues) {
    Map<String, String[]> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
    }
    return map;
  }

  /** {@code base} with {@code name} set to {@code values} (none: removed). */
  static Map<String, String[]> with(Map<String, String[]> base, String name, String... values) {
    Map<String, String[]> map = new LinkedHashMap<>(base);
    if (values.length == 0) {
      map.remove(name);
    } else {
      map.put(name, values);
    }
    return map;
  }
}
