package io.admin.auth.servlet.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * A {@link LoginHook} for applications whose servlet container logs people in (a Tomcat realm, a
 * Jetty login service, Jakarta Security, or a filter that wraps the request): the person is
 * {@link HttpServletRequest#getUserPrincipal()}, named by {@link Principal#getName()}.
 *
 * <p>For the container to have logged the person in, protect the authorization endpoint with a
 * security constraint (or put the authenticating filter in front of it), for example in {@code
 * web.xml}:
 *
 * <pre>{@code
 * <security-constraint>
 *   <web-resource-collection>
 *     <web-resource-name>sign-in</web-resource-name>
 *     <url-pattern>/api/v3/auth/authorize</url-pattern>
 *   </web-resource-collection>
 *   <auth-constraint><role-name>*</role-name></auth-constraint>
 * </security-constraint>
 * <login-config><auth-method>FORM</auth-method>...</login-config>
 * }</pre>
 *
 * and hand {@code new ContainerLoginHook()} to {@code SignIn.Builder.loginHook}.
 *
 * <p>The container cannot be asked for a fresh login and does not say when the person logged in,
 * so when a client requires one ({@code prompt=login}, {@code max_age}) this hook answers "not
 * signed in": the default login page takes over when it is enabled; otherwise the request ends
 * with an error page. Stateless and thread-safe.
 */
public final class ContainerLoginHook implements LoginHook {

  /** A hook reading the container's principal. */
  public ContainerLoginHook() {}

  /**
   * The container's principal, logged in "now"; not signed in when there is none, its name is
   * blank, or a fresh login is required.
   */
  @Override
  public LoginAnswer identify(HttpServletRequest request, LoginPrompt prompt) {
    Principal principal = request.getUserPrincipal();
    if (principal == null || prompt.reauthenticate()) {
      return LoginAnswer.notSignedIn();
    }
    String name = principal.getName();
    if (name == null || name.isBlank() || name.length() > 255) {
      return LoginAnswer.notSignedIn();
    }
    return LoginAnswer.signedIn(name);
  }
}
