package io.admin.auth.core.issue;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Parsing and checking of OAuth scope strings (RFC 6749 section 3.3). */
final class Scopes {

  private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  private Scopes() {}

  /** Whether {@code scope} is a single valid scope-token. */
  static boolean isValidToken(String scope) {
    return scope != null && SCOPE_TOKEN.matcher(scope).matches();
  }

  /**
   * The scopes of a space-separated {@code scope} parameter; empty set for a blank parameter;
   * {@link Optional#empty()} when a token has characters RFC 6749 does not allow.
   */
  static Optional<Set<String>> parse(String scope) {
    Set<String> out = new TreeSet<>();
    if (scope == null || scope.isBlank()) {
      return Optional.of(out);
    }
    for (String s : scope.strip().split(" +")) {
      if (!isValidToken(s)) {
        return Optional.empty();
      }
      out.add(s);
    }
    return Optional.of(out);
  }
}
