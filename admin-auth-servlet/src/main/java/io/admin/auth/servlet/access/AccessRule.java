package io.admin.auth.servlet.access;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Requests with one of these methods to paths matching this pattern need these scopes."
 * An empty method set means every method; an empty scope set means any authenticated caller.
 *
 * @param methods upper-case HTTP methods (copied)
 * @param pattern the path pattern
 * @param requiredScopes scopes the caller must all hold (copied)
 */
public record AccessRule(Set<String> methods, PathPattern pattern, Set<String> requiredScopes) {

  /**
   * Checks the HTTP methods (upper-cased) and freezes copies of methods and scopes.
   *
   * @param methods HTTP methods, letters only, any case; empty for every method
   * @param pattern the path pattern; not null
   * @param requiredScopes scopes the caller must all hold; empty for any authenticated caller
   * @throws IllegalArgumentException if a method is not letters only
   */
  public AccessRule {
    Objects.requireNonNull(pattern, "pattern");
    Set<String> m = new TreeSet<>();
    for (String method : methods) {
      if (!method.matches("[A-Za-z]+")) {
        throw new IllegalArgumentException("invalid HTTP method: " + method);
      }
      m.add(method.toUpperCase(Locale.ROOT));
    }
    methods = Set.copyOf(m);
    requiredScopes = Set.copyOf(requiredScopes);
  }

  /**
   * Whether this rule covers {@code method} on the canonical {@code path}.
   *
   * @param method the request's HTTP method, compared case-sensitively ({@code get} is not
   *     {@code GET})
   * @param path the canonical path below the context path
   * @return true if both the method and the pattern match
   */
  public boolean matches(String method, String path) {
    // Methods are case-sensitive in HTTP (RFC 9110 9.1): "get" is not GET, so it never matches.
    return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
  }
}
