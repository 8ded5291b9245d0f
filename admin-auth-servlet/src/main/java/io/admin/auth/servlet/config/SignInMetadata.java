package io.admin.auth.servlet.config;

import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.signin.StandardClaims;
import io.admin.auth.servlet.signin.SignInPaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the metadata document gains when people can sign in (docs/http-contract.md, "Signing
 * people in"; OpenID Connect Discovery 1.0 section 3, RFC 8414 section 2, RFC 9207 section 3):
 * the authorization, UserInfo and logout endpoints and the members that make the document a
 * complete OpenID Provider metadata document.
 *
 * <p>{@code scopes_supported} is the configured scopes plus the OpenID Connect scopes the server
 * itself understands, never the scopes registered clients happen to hold, for the reason the
 * metadata servlet gives. {@code claims_supported} is what an ID token or UserInfo can carry.
 */
final class SignInMetadata {

  /** Claims of every ID token (OpenID Connect Core 1.0 section 2) besides the released ones. */
  static final List<String> ID_TOKEN_CLAIMS =
      List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "azp");

  private SignInMetadata() {}

  /** The members to add to (or replace in) the document, in document order. */
  static Map<String, Object> members(TokenService tokens, String baseUrl, SignInPaths paths,
      Collection<String> configuredScopes) {
    String base = baseUrl.replaceAll("/+$", "");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("authorization_endpoint", base + paths.authorize());
    m.put("userinfo_endpoint", base + paths.userInfo());
    m.put("end_session_endpoint", base + paths.logout());
    m.put("grant_types_supported",
        List.of("authorization_code", "client_credentials", "refresh_token"));
    m.put("response_types_supported", List.of("code"));
    m.put("response_modes_supported", List.of("query", "form_post"));
    m.put("token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "none"));
    Set<String> scopes = new TreeSet<>(configuredScopes);
    scopes.addAll(List.of(StandardClaims.OPENID, StandardClaims.PROFILE, StandardClaims.EMAIL,
        StandardClaims.ADDRESS, StandardClaims.PHONE, StandardClaims.OFFLINE_ACCESS));
    m.put("scopes_supported", List.copyOf(scopes));
    m.put("subject_types_supported", List.of("public"));
    m.put("id_token_signing_alg_values_supported", List.copyOf(tokens.idTokenSigningAlgorithms()));
    m.put("code_challenge_methods_supported", List.of("S256"));
    Set<String> claims = new LinkedHashSet<>(ID_TOKEN_CLAIMS);
    for (String scope : List.of(StandardClaims.PROFILE, StandardClaims.EMAIL,
        StandardClaims.ADDRESS, StandardClaims.PHONE)) {
      claims.addAll(StandardClaims.BY_SCOPE.get(scope));
    }
    m.put("claims_supported", new ArrayList<>(claims));
    m.put("authorization_response_iss_parameter_supported", true);
    return m;
  }
}
