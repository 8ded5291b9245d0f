package io.admin.auth.core.signin;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code scope} parameter (RFC 6749 section 3.3): scope-tokens separated by spaces. */
final class ScopeParameter {

  private ScopeParameter() {}

  /**
   * The scopes of {@code scope}: empty set when {@code null} or blank; {@link Optional#empty()}
   * when a token has a character outside NQCHAR ({@code %x21 / %x23-5B / %x5D-7E}). Runs of
   * spaces are tolerated, as clients produce them.
   */
  static Optional<Set<String>> parse(String scope) {
    Set<String> out = new TreeSet<>();
    if (scope == null) {
      return Optional.of(out);
    }
    for (String token : scope.split(" ")) {
      if (token.isEmpty()) {
        continue;
      }
      if (!isToken(token)) {
        return Optional.empty();
      }
      out.add(token);
    }
    return Optional.of(out);
  }

  static boolean isToken(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
        return false;
      }
    }
    return !token.isEmpty();
  }
}
