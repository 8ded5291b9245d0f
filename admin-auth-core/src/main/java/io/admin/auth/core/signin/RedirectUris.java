package io.admin.auth.core.signin;

import java.util.List;
import java.util.Optional;

/**
 * Matching of a requested {@code redirect_uri} against a client's registered ones, as
 * {@code docs/http-contract.md} ("Signing people in", authorization request) requires: an exact
 * string match (RFC 9700 section 2.1), with one exception for native apps (RFC 8252 section 7.3):
 * a registered {@code http://127.0.0.1[:port]...} or {@code http://[::1][:port]...} URI matches a
 * requested one that differs only in its port. Nothing is normalized: no case folding, no
 * percent-decoding, no trailing-slash tolerance. {@code localhost} is not a loopback address for
 * this rule (its name can resolve elsewhere). Stateless and thread-safe.
 */
public final class RedirectUris {

  private static final List<String> LOOPBACK_PREFIXES = List.of("http://127.0.0.1", "http://[::1]");

  private RedirectUris() {}

  /**
   * The registered URI that {@code requested} matches, or empty. A requested URI with a fragment
   * never matches (RFC 6749 section 3.1.2), even when a registration carries the same one.
   *
   * @param registered the client's registered redirect URIs
   * @param requested the {@code redirect_uri} parameter exactly as sent; may be {@code null}
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
