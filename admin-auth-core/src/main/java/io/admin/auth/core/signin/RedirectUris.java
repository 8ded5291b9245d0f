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
 * never be registered.
 *
 * <p>A requested {@code redirect_uri} is then matched against the registered ones ({@link #match})
 * by exact string (RFC 9700 section 2.1), with one exception for native apps (RFC 8252 section
 * 7.3): a registered {@code http://127.0.0.1[:port]...} or {@code http://[::1][:port]...} URI
 * matches a requested one that differs only in its port. Nothing is normalized: no case folding,
 * no percent-decoding, no trailing-slash tolerance; {@code localhost} is not a loopback address
 * for matching (its name can resolve elsewhere). Stateless and thread-safe.
 */
public final class RedirectUris {

  /** Longest URI accepted for registration. */
  public static final int MAX_LENGTH = 2048;

  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

  private RedirectUris() {}

  /**
   * Why {@code uri} cannot be registered, or empty when it can.
   *
   * @param uri the URI a client would register; may be {@code null}
   * @return a short reason, e.g. {@code is empty}, or empty when it can be registered
   */
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
   * @param uris the URIs to check
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

  private static final List<String> LOOPBACK_PREFIXES = List.of("http://127.0.0.1", "http://[::1]");

  /**
   * The registered URI that {@code requested} matches, or empty. A requested URI with a fragment
   * never matches (RFC 6749 section 3.1.2), even when a registration carries the same one.
   *
   * @param registered the client's registered redirect URIs
   * @param requested the {@code redirect_uri} parameter exactly as sent; may be {@code null}
   * @return the registered URI it matches
   */
  public static Optional<String> match(List<String> registered, String requested) {
    if (requested == null || requested.isEmpty() || requested.indexOf('#') >= 0) {
      return Optional.empty();
    }
    for (String candidate : registered) {
      if (candidate.equals(requested) || loopbackMatch(candidate, requested)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean loopbackMatch(String registered, String requested) {
    for (String prefix : LOOPBACK_PREFIXES) {
      if (registered.startsWith(prefix) && requested.startsWith(prefix)) {
        String registeredRest = afterPort(registered.substring(prefix.length()));
        String requestedRest = afterPort(requested.substring(prefix.length()));
        return registeredRest != null && registeredRest.equals(requestedRest);
      }
    }
    return false;
  }

  /**
   * What follows the authority of a loopback URI whose prefix has been cut off: the path, query
   * (and fragment). {@code null} when the authority goes on past the address (a longer host such
   * as {@code 127.0.0.1.evil.com}, user-info, an empty, zero, padded or out-of-range port), so
   * that such a URI can only match exactly.
   */
  private static String afterPort(String tail) {
    int i = 0;
    if (tail.startsWith(":")) {
      int end = 1;
      while (end < tail.length() && end <= 6 && isDigit(tail.charAt(end))) {
        end++;
      }
      String digits = tail.substring(1, end);
      if (digits.isEmpty() || digits.length() > 5 || digits.charAt(0) == '0'
          || Integer.parseInt(digits) > 65_535) {
        return null;
      }
      i = end;
    }
    String rest = tail.substring(i);
    return rest.isEmpty() || rest.charAt(0) == '/' || rest.charAt(0) == '?' ? rest : null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
