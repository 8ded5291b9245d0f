package io.admin.auth.devserver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at the dev server's sign-in pages, over plain HTTP (for tests whose client is a
 * library, not a browser): follows the server's redirects one by one, keeps its cookies, fills
 * the login form ({@code username}, {@code password}) and answers the consent form
 * ({@code decision}), and stops at the first redirect to the client's redirect URI (which may be
 * on the server itself, as {@code demo-spa}'s is).
 */
final class FormSignIn {

  private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"");
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
  private static final int MAX_STEPS = 12;

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final URI server;
  private final String user;
  private final String password;
  private boolean consentShown;

  FormSignIn(URI server, String user, String password) {
    this.server = Objects.requireNonNull(server, "server");
    this.user = user;
    this.password = password;
  }

  /**
   * Opens {@code authorizationUri}, logs in and answers the consent page (when shown) with
   * {@code decision}.
   *
   * @param redirectUri the client's redirect URI, where the walk ends
   * @return where the server finally sends the browser: the client's redirect URI with the
   *     answer in its query
   * @throws AssertionError when a page is neither a redirect, the login page nor the consent page
   */
  URI authorize(URI authorizationUri, URI redirectUri, String decision) throws Exception {
    URI at = authorizationUri;
    HttpResponse<String> r = send(HttpRequest.newBuilder(at).GET());
    for (int step = 0; step < MAX_STEPS; step++) {
      if (r.statusCode() == 302 || r.statusCode() == 303) {
        URI next = at.resolve(r.headers().firstValue("Location").orElseThrow());
        if (next.toString().startsWith(redirectUri + "?")) {
          return next;
        }
        if (!sameOrigin(next, server)) {
          throw new AssertionError("redirected away from the server to " + next);
        }
        at = next;
        r = send(HttpRequest.newBuilder(at).GET());
      } else if (r.statusCode() == 200 && r.body().contains("name=\"password\"")) {
        r = submit(r.body(), Map.of("username", user, "password", password));
      } else if (r.statusCode() == 200 && r.body().contains("name=\"decision\"")) {
        consentShown = true;
        r = submit(r.body(), Map.of("decision", decision));
      } else {
        throw new AssertionError("unexpected page " + at + ": " + r.statusCode() + " " + r.body());
      }
    }
    throw new AssertionError("more than " + MAX_STEPS + " steps from " + authorizationUri);
  }

  /** Whether the walk met the consent page (third-party clients only). */
  boolean consentShown() {
    return consentShown;
  }

  private HttpResponse<String> submit(String html, Map<String, String> typed) throws Exception {
    Matcher action = FORM_ACTION.matcher(html);
    if (!action.find()) {
      throw new AssertionError("no form in " + html);
    }
    StringJoiner form = new StringJoiner("&");
    Matcher hidden = HIDDEN.matcher(html);
    while (hidden.find()) {
      form.add(enc(unescape(hidden.group(1))) + "=" + enc(unescape(hidden.group(2))));
    }
    typed.forEach((k, v) -> form.add(enc(k) + "=" + enc(v)));
    URI target = server.resolve(unescape(action.group(1)));
    return send(HttpRequest.newBuilder(target)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      StringJoiner header = new StringJoiner("; ");
      cookies.forEach((k, v) -> header.add(k + "=" + v));
      request.header("Cookie", header.toString());
    }
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String setCookie : r.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String value = pair.substring(eq + 1).strip();
      if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
        cookies.remove(pair.substring(0, eq).strip());
      } else {
        cookies.put(pair.substring(0, eq).strip(), value);
      }
    }
    return r;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme()) && Objects.equals(a.getHost(), b.getHost())
        && a.getPort() == b.getPort();
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
