package io.admin.auth.servlet.http;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: never follows redirects by itself, keeps the cookies the server
 * sets (by name, on one host), and sends them back explicitly, so tests see every hop and every
 * cookie.
 */
final class Browser {

  private final Http http;
  private final URI base;
  final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(URI base) {
    this.base = base;
    this.http = new Http(base);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    return remember(http.get(relative(pathAndQuery), withCookies(headers)));
  }

  HttpResponse<String> post(String path, String form, String... headers) throws Exception {
    return remember(http.form(relative(path), form, withCookies(headers)));
  }

  /** The Location of a redirect, relative to the server's base when it points there. */
  static String location(HttpResponse<String> r) {
    return r.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("no Location: " + r.statusCode() + " " + r.body()));
  }

  /** The query parameters of a URL, decoded; the last value of a repeated one. */
  static Map<String, String> query(String url) {
    Map<String, String> m = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return m;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      m.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  /** The value of the hidden (or other) input named {@code name} in an HTML page. */
  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"")
        .matcher(html);
    if (!m.find()) {
      throw new AssertionError("no field " + name + " in " + html);
    }
    return unescape(m.group(1));
  }

  static String unescape(String s) {
    return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
        .replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Turns an absolute URL on this server into a path; anything else is returned unchanged. */
  String relative(String url) {
    String origin = base.getScheme() + "://" + base.getRawAuthority();
    if (url.startsWith(origin)) {
      url = url.substring(origin.length());
    }
    String context = base.getRawPath() == null ? "" : base.getRawPath();
    return url.startsWith(context) ? url.substring(context.length()) : url;
  }

  private String[] withCookies(String[] headers) {
    if (cookies.isEmpty()) {
      return headers;
    }
    List<String> h = new ArrayList<>(List.of(headers));
    StringBuilder c = new StringBuilder();
    cookies.forEach((k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=')
        .append(v));
    h.add("Cookie");
    h.add(c.toString());
    return h.toArray(String[]::new);
  }

  private HttpResponse<String> remember(HttpResponse<String> r) {
    for (String setCookie : r.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).strip();
      String value = pair.substring(eq + 1).strip();
      if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return r;
  }
}
