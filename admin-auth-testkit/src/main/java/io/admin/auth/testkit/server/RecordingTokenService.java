package io.admin.auth.testkit.server;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.issue.Introspection;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.IssuedCode;
import io.admin.auth.core.signin.LogoutHint;
import io.admin.auth.core.signin.PendingAuthorization;
import io.admin.auth.core.signin.UserInfoResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link TokenService} that passes everything to the real one and records which grants were
 * asked for, in order, so that tests can say "one refresh, then a fall back to
 * client_credentials". Thread-safe.
 */
final class RecordingTokenService implements TokenService {

  private final TokenService delegate;
  private final List<String> grants = new CopyOnWriteArrayList<>();

  RecordingTokenService(TokenService delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  List<String> grants() {
    return List.copyOf(grants);
  }

  @Override
  public ClientAuthentication authenticateClient(String clientId, String clientSecret) {
    return delegate.authenticateClient(clientId, clientSecret);
  }

  @Override
  public ClientAuthentication authenticatePublicClient(String clientId) {
    return delegate.authenticatePublicClient(clientId);
  }

  @Override
  public IssuedCode issueAuthorizationCode(ApprovedAuthorization approved) {
    return delegate.issueAuthorizationCode(approved);
  }

  @Override
  public TokenResult authorizationCode(OAuthClient client, String code, String redirectUri,
      String codeVerifier) {
    grants.add("authorization_code");
    return delegate.authorizationCode(client, code, redirectUri, codeVerifier);
  }

  @Override
  public UserInfoResult userInfo(AuthPrincipal principal) {
    return delegate.userInfo(principal);
  }

  @Override
  public LogoutHint checkLogoutHint(String idTokenHint) {
    return delegate.checkLogoutHint(idTokenHint);
  }

  @Override
  public Optional<OAuthClient> findClient(String clientId) {
    return delegate.findClient(clientId);
  }

  @Override
  public String signPendingAuthorization(PendingAuthorization pending) {
    return delegate.signPendingAuthorization(pending);
  }

  @Override
  public Optional<PendingAuthorization> openPendingAuthorization(String handle) {
    return delegate.openPendingAuthorization(handle);
  }

  @Override
  public OptionalInt revokeGrants(String subject, String clientId) {
    return delegate.revokeGrants(subject, clientId);
  }

  @Override
  public List<String> idTokenSigningAlgorithms() {
    return delegate.idTokenSigningAlgorithms();
  }

  @Override
  public TokenResult clientCredentials(OAuthClient client, Optional<String> scope) {
    grants.add("client_credentials");
    return delegate.clientCredentials(client, scope);
  }

  @Override
  public TokenResult refresh(OAuthClient client, String refreshToken, Optional<String> scope) {
    grants.add("refresh_token");
    return delegate.refresh(client, refreshToken, scope);
  }

  @Override
  public void revoke(OAuthClient client, String token, Optional<String> tokenTypeHint) {
    delegate.revoke(client, token, tokenTypeHint);
  }

  @Override
  public Introspection introspect(OAuthClient client, String token, Optional<String> hint) {
    return delegate.introspect(client, token, hint);
  }

  @Override
  public AuthOutcome verify(String accessToken) {
    return delegate.verify(accessToken);
  }

  @Override
  public String jwkSetJson() {
    return delegate.jwkSetJson();
  }

  @Override
  public String issuer() {
    return delegate.issuer();
  }

  @Override
  public List<String> signingAlgorithms() {
    return delegate.signingAlgorithms();
  }

  @Override
  public Set<String> scopesSupported() {
    return delegate.scopesSupported();
  }
}
