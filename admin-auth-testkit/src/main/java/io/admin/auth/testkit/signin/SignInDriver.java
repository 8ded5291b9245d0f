package io.admin.auth.testkit.signin;

import io.admin.auth.core.client.AuthorizationCallback;
import io.admin.auth.core.client.AuthorizationCodeClient;
import io.admin.auth.core.client.CodeExchange;
import io.admin.auth.core.client.PendingSignIn;
import io.admin.auth.testkit.signin.HtmlForms.Form;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Signs a person in as a browser would, without a browser, for tests of applications that embed
 * the library: authorization request, the default login page (inputs {@code username} and
 * {@code password}, with its hidden CSRF input and cookie), the consent page when it is shown
 * (button {@code decision}), the redirect back with the code (query or {@code form_post}), and the
 * code exchange with PKCE (docs/http-contract.md, "Signing people in").
 *
 * <pre>{@code
 * SignInDriver driver = SignInDriver.builder(URI.create("http://127.0.0.1:" + port))
 *     .clientId("notes-app").redirectUri("http://127.0.0.1:8400/callback")
 *     .scope("openid profile offline_access").build();
 * SignInOutcome outcome = driver.signIn("alice", "correct horse battery staple");
 * String accessToken = ((SignInOutcome.SignedIn) outcome).accessToken();
 * }</pre>
 *
 * <p>Redirects are followed by hand, only within the server's origin; the redirect URI itself is
 * never called, its parameters are read from the {@code Location} (or the form_post page). Cookies
 * are kept in a jar of the run's own, so runs never share a session. Forms are read with a small
 * tolerant scan of {@code <form>}, {@code <input>} and {@code <button>}, enough for the library's
 * pages. Each {@link #signIn} is independent; the driver is immutable and thread-safe.
 */
public final class SignInDriver {

  private static final int MAX_STEPS = 12;
  private static final int PAGE_EXCERPT = 2000;

  private final URI base;
  private final AuthorizationCodeClient client;
  private final HttpClient http;
  private final String redirectUri;
  private final String decision;
  private final Map<String, String> extraParameters;

  SignInDriver(SignInDriverBuilder b, AuthorizationCodeClient client) {
    this.base = b.base;
    this.client = client;
    this.http = b.httpClient;
    this.redirectUri = b.redirectUri;
    this.decision = b.decision;
    this.extraParameters = Map.copyOf(b.extraParameters);
  }

  /**
   * A builder for a driver against the server at {@code baseUri} (scheme, host, port).
   *
   * @param baseUri the server's root; its path, if any, is ignored
   * @return a builder; set at least the client id, redirect URI and scope
   */
  public static SignInDriverBuilder builder(URI baseUri) {
    return new SignInDriverBuilder(baseUri);
  }

  /**
   * Runs one whole sign-in for {@code username} with {@code password}, in a fresh cookie jar.
   *
   * @param username the person's user name; not null
   * @param password the person's password; not null, sent only in the login form
   * @return how the run ended; a refusal or a stop is an outcome, not an exception
   * @throws UncheckedIOException when the server cannot be reached at all
   */
  public SignInOutcome signIn(String username, String password) {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    PendingSignIn pending = client.start(extraParameters);
    CookieJar jar = new CookieJar();
    HttpRequest request = get(pending.authorizationUri());
    boolean loginSent = false;
    boolean consentShown = false;
    for (int step = 0; step < MAX_STEPS; step++) {
      HttpResponse<String> response = send(request, jar);
      URI at = request.uri();
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          return stopped("a redirect without a Location", response);
        }
        URI next = at.resolve(location.get());
        if (isRedirectUri(next.toString())) {
          return finish(pending, client.callback(pending, next), consentShown);
        }
        if (!sameOrigin(next)) {
          return stopped("redirected away from the server, to " + next.getScheme() + "://"
              + next.getAuthority() + " (a login of the host application's own?)", response);
        }
        request = get(next);
        continue;
      }
      List<Form> forms = HtmlForms.scan(response.body());
      Optional<Form> formPost = forms.stream()
          .filter(f -> isRedirectUri(at.resolve(f.action()).toString())).findFirst();
      if (formPost.isPresent()) {
        return finish(pending, client.callback(pending, formPost.get().defaults()),
            consentShown);
      }
      Optional<Form> login = forms.stream().filter(f -> f.has("password")).findFirst();
      if (login.isPresent()) {
        if (loginSent) {
          return stopped("the login page came back after the password was sent (wrong"
              + " username or password, or throttled)", response);
        }
        Map<String, String> fields = login.get().defaults();
        fields.put("username", username);
        fields.put("password", password);
        loginSent = true;
        request = submit(at, login.get(), fields);
        continue;
      }
      Optional<Form> consent = forms.stream().filter(f -> f.has("decision")).findFirst();
      if (consent.isPresent()) {
        consentShown = true;
        Map<String, String> fields = consent.get().defaults();
        fields.put("decision", decision);
        request = submit(at, consent.get(), fields);
        continue;
      }
      return stopped("a page with neither a login, a consent nor a form_post form", response);
    }
    return new SignInOutcome.Stopped("more than " + MAX_STEPS + " steps without reaching the"
        + " redirect URI", -1, "");
  }

  private SignInOutcome finish(PendingSignIn pending, AuthorizationCallback callback,
      boolean consentShown) {
    if (callback instanceof AuthorizationCallback.Refused refused) {
      return new SignInOutcome.Refused(refused.error(), refused.description());
    }
    if (callback instanceof AuthorizationCallback.Invalid invalid) {
      return new SignInOutcome.Stopped("the redirect failed the client's checks: "
          + invalid.reason(), -1, "");
    }
    String code = ((AuthorizationCallback.Code) callback).code();
    CodeExchange exchange = client.exchange(pending, code);
    if (exchange instanceof CodeExchange.Failed failed) {
      return new SignInOutcome.Stopped("the code exchange failed: " + failed.message(),
          failed.status(), "");
    }
    CodeExchange.SignedIn in = (CodeExchange.SignedIn) exchange;
    return new SignInOutcome.SignedIn(in.tokens(), in.tokens().accessToken(), in.idToken(),
        in.scope(), consentShown);
  }

  private boolean isRedirectUri(String uri) {
    return uri.equals(redirectUri) || uri.startsWith(redirectUri + "?")
        || uri.startsWith(redirectUri + "#");
  }

  private boolean sameOrigin(URI uri) {
    return base.getScheme().equalsIgnoreCase(uri.getScheme())
        && base.getHost().equalsIgnoreCase(uri.getHost()) && base.getPort() == uri.getPort();
  }

  private HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).GET().header("Accept", "text/html").build();
  }

  private HttpRequest submit(URI page, Form form, Map<String, String> fields) {
    URI action = page.resolve(form.action());
    String encoded = fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    if (!"POST".equals(form.method())) {
      String s = action.toString();
      int q = s.indexOf('?');
      return get(URI.create((q < 0 ? s : s.substring(0, q)) + "?" + encoded));
    }
    // A browser sends the page's origin with a form post; CSRF defences may look at it.
    return HttpRequest.newBuilder(action)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .header("Origin", page.getScheme() + "://" + page.getRawAuthority())
        .POST(HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8)).build();
  }

  private HttpResponse<String> send(HttpRequest request, CookieJar jar) {
    HttpRequest withCookies = jar.header()
        .map(c -> HttpRequest.newBuilder(request, (n, v) -> true).header("Cookie", c).build())
        .orElse(request);
    try {
      HttpResponse<String> response = http.send(withCookies,
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      jar.receive(response.headers());
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException("sign-in request to " + request.uri().getPath()
          + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the sign-in", e);
    }
  }

  private static SignInOutcome stopped(String reason, HttpResponse<String> response) {
    String body = response.body();
    return new SignInOutcome.Stopped(reason, response.statusCode(),
        body.length() > PAGE_EXCERPT ? body.substring(0, PAGE_EXCERPT) : body);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SignInDriver[" + base + ", " + client + "]";
  }
}
