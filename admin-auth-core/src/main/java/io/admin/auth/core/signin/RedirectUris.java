package io.admin.auth.core.signin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs (and post-logout redirect URIs) a client may register (RFC 9700 section
 * 2.1, RFC 8252 sections 7.1 and 7.3, OpenID Connect RP-Initiated Logout 1.0 section 3.1):
 * absolute, without a fragment or user information, and either {@code https}, or {@code http} on
 * a loopback host ({@code 127.0.0.1}, {@code [::1]}, or {@code localhost} for development), or a
 * private-use scheme of a native app, which must contain a dot (a reversed domain name such as
 * {@code com.example.app:/cb}), so that schemes such as {@code javascript} or {@code data} can
 * never be registered. Requests are later compared against the registered string exactly.
 * Stateless and thread-safe.
 */
public final class RedirectUris {

  /** Longest URI accepted for registration. */
  public static final int MAX_LENGTH = 2048;

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

  private RedirectUris() {}

  /** Why {@code uri} cannot be registered, or empty when it can. */
  public static Optional<String> problem(String uri) {
    if (uri == null || uri.isEmpty()) {
      return Optional.of("is empty");
    }
    if (uri.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    if (uri.indexOf('#') >= 0) {
      return Optional.of("has a fragment");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URI");
    }
    if (parsed.getScheme() == null) {
      return Optional.of("is not absolute");
    }
    if (parsed.getRawUserInfo() != null) {
      return Optional.of("has user information");
    }
    String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return parsed.getHost() == null ? Optional.of("has no host") : Optional.empty();
    }
    if (scheme.equals("http")) {
      String host = parsed.getHost();
      return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))
          ? Optional.empty() : Optional.of("uses http on a host that is not loopback");
    }
    return scheme.indexOf('.') > 0 ? Optional.empty()
        : Optional.of("uses a scheme that is neither https, loopback http, nor a private-use"
            + " scheme with a dot");
  }

  /**
   * Checks every URI of {@code uris}.
   *
   * @param what how messages name them, e.g. {@code redirect URI}
   * @throws IllegalArgumentException naming the first URI refused and why
   */
  public static void requireRegistrable(List<String> uris, String what) {
    for (String uri : uris) {
      Optional<String> problem = problem(uri);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(what + " " + uri + " " + problem.get());
      }
    }
  }
}
