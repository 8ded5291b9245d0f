package io.admin.auth.servlet.config;

import io.admin.auth.core.signin.AuthorizationRequestParser;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import io.admin.auth.servlet.signin.SignIn;
import io.admin.auth.servlet.signin.internal.AuthorizeServlet;
import io.admin.auth.servlet.signin.internal.ConsentPageServlet;
import io.admin.auth.servlet.signin.internal.LoginPageServlet;
import io.admin.auth.servlet.signin.internal.SignInContext;
import io.admin.auth.servlet.signin.internal.LogoutServlet;
import io.admin.auth.servlet.signin.internal.UserInfoServlet;
import jakarta.servlet.http.HttpServlet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sign-in servlets by mapped path, when the builder was given {@link SignIn} settings. Kept
 * apart from {@link EndpointWiring} because sign-in is optional and has its own paths.
 */
final class SignInWiring {

  private SignInWiring() {}

  /**
   * @throws IllegalStateException when sign-in is asked of a resource server or with the
   *     endpoints switched off (the authorization code is redeemed at the token endpoint)
   * @throws IllegalArgumentException when a sign-in path collides with another endpoint's path
   */
  static Map<String, HttpServlet> servlets(AdminAuth.Builder b, AuthErrorRenderer renderer,
      RateLimits limits) {
    SignIn signIn = b.signIn;
    if (b.tokens == null) {
      throw new IllegalStateException("a resource server cannot sign people in");
    }
    if (!b.endpoints) {
      throw new IllegalStateException("signing people in needs the token endpoint");
    }
    for (String p : signIn.paths().all()) {
      if (b.paths.all().contains(p) || p.equals(b.apiKeysPath)) {
        throw new IllegalArgumentException("sign-in path collides with an endpoint path: " + p);
      }
    }
    Map<String, HttpServlet> servlets = new LinkedHashMap<>();
    SignInContext ctx = new SignInContext(b.tokens, signIn,
        new AuthorizationRequestParser(b.tokens::findClient), b.clock, limits.basicPerUser(),
        limits.basicPerAddress());
    servlets.put(signIn.paths().authorize(), new AuthorizeServlet(ctx));
    servlets.put(signIn.paths().consent(), new ConsentPageServlet(ctx));
    if (signIn.defaultLoginPage().isPresent()) {
      servlets.put(signIn.paths().login(), new LoginPageServlet(ctx));
    }
    servlets.put(signIn.paths().userInfo(), new UserInfoServlet(b.tokens, renderer));
    servlets.put(signIn.paths().logout(), new LogoutServlet(b.tokens, signIn.sessions()));
    return servlets;
  }
}
