package io.admin.auth.servlet.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests need which scopes. Decided on the canonical path (the decoded raw URI below the
 * context path; the filter refuses ambiguous spellings such as {@code ;} parameters, dot segments,
 * {@code //} and encoded separators before asking), in this order:
 *
 * <ol>
 *   <li>a path matching a public pattern is {@link Decision.Public} (the filter does not look at
 *       credentials at all, so the token endpoint can do its own client authentication);
 *   <li>the first {@link AccessRule} matching method and path gives {@link Decision.Authenticate}
 *       with its scopes;
 *   <li>a path under a protected prefix that no rule names is {@link Decision.Deny}: deny by
 *       default. Prefixes compare case-insensitively, so {@code /API/v3/users} counts as under
 *       {@code /api} (and then matches no case-sensitive rule, so it is denied) even on a
 *       container or framework that maps paths without regard to case;
 *   <li>anything else is {@link Decision.Public}.
 * </ol>
 *
 * <p>Without any configured prefix the whole application ({@code /}) is protected. Immutable.
 */
public final class AccessPolicy {

  /** What the filter must do with a request. */
  public sealed interface Decision {
    /** Let it through without authentication. */
    record Public() implements Decision {}

    /**
     * Require an authenticated caller holding every one of {@code requiredScopes}.
     *
     * @param requiredScopes the scopes the caller must all hold; empty: any authenticated caller
     */
    record Authenticate(Set<String> requiredScopes) implements Decision {
      /**
       * Freezes a copy of the required scopes.
       *
       * @param requiredScopes the scopes the caller must all hold; not null, may be empty
       */
      public Authenticate {
        requiredScopes = Set.copyOf(requiredScopes);
      }
    }

    /** Protected, but no rule allows it: 401 without credentials, 403 with them. */
    record Deny() implements Decision {}
  }

  private static final Decision PUBLIC = new Decision.Public();
  private static final Decision DENY = new Decision.Deny();

  private final List<String> protectedPrefixes;
  private final List<PathPattern> publicPaths;
  private final List<AccessRule> rules;

  private AccessPolicy(List<String> prefixes, List<PathPattern> publicPaths, List<AccessRule> rules) {
    this.protectedPrefixes = List.copyOf(prefixes);
    this.publicPaths = List.copyOf(publicPaths);
    this.rules = List.copyOf(rules);
  }

  /**
   * A new builder.
   *
   * @return an empty builder: no prefix, public path or rule yet
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The decision for {@code method} on the canonical {@code path}.
   *
   * @param method the request's HTTP method, as sent (methods are case-sensitive)
   * @param path the canonical path below the context path, starting with {@code /}
   * @return public, authenticate with the scopes of the first matching rule, or deny; never null
   */
  public Decision decide(String method, String path) {
    for (PathPattern p : publicPaths) {
      if (p.matches(path)) {
        return PUBLIC;
      }
    }
    for (AccessRule rule : rules) {
      if (rule.matches(method, path)) {
        return new Decision.Authenticate(rule.requiredScopes());
      }
    }
    String lower = path.toLowerCase(Locale.ROOT);
    for (String prefix : protectedPrefixes) {
      if (prefix.equals("/") || lower.equals(prefix) || lower.startsWith(prefix + "/")) {
        return DENY;
      }
    }
    return PUBLIC;
  }

  /**
   * This policy with {@code patterns} added in front of its public paths.
   *
   * @param patterns {@link PathPattern} syntax; not null, may be empty
   * @return a new policy; this one is unchanged
   * @throws IllegalArgumentException if a pattern is not a valid {@link PathPattern}
   */
  public AccessPolicy withPublicPaths(List<String> patterns) {
    List<PathPattern> merged = new ArrayList<>();
    patterns.forEach(p -> merged.add(PathPattern.of(p)));
    merged.addAll(publicPaths);
    return new AccessPolicy(protectedPrefixes, merged, rules);
  }

  /**
   * This policy with {@code first} tried before its own rules, e.g. the scope a built-in
   * management endpoint needs, which an application rule must not be able to weaken.
   *
   * @param first the rules to try first, in order; not null, may be empty
   * @return a new policy; this one is unchanged
   */
  public AccessPolicy withRulesFirst(List<AccessRule> first) {
    List<AccessRule> merged = new ArrayList<>(first);
    merged.addAll(rules);
    return new AccessPolicy(protectedPrefixes, publicPaths, merged);
  }

  /** Builds an {@link AccessPolicy}; {@link #build()} validates. */
  public static final class Builder {
    private final List<String> prefixes = new ArrayList<>();
    private final List<PathPattern> publicPaths = new ArrayList<>();
    private final List<AccessRule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Denies by default everything at or below {@code prefix} (e.g. {@code /api}).
     *
     * @param prefix a literal path starting with {@code /}; a trailing {@code /} is ignored, and it
     *     compares case-insensitively
     * @return this builder
     * @throws IllegalArgumentException if it is not a valid path or contains {@code *}
     */
    public Builder protectedPrefix(String prefix) {
      String p = prefix.length() > 1 && prefix.endsWith("/")
          ? prefix.substring(0, prefix.length() - 1) : prefix;
      PathPattern.of(p);
      if (p.contains("*")) {
        throw new IllegalArgumentException("a protected prefix is a literal path: " + prefix);
      }
      prefixes.add(p.toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Paths matching {@code pattern} need no authentication, with any method.
     *
     * @param pattern in {@link PathPattern} syntax
     * @return this builder
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public Builder publicPath(String pattern) {
      publicPaths.add(PathPattern.of(pattern));
      return this;
    }

    /**
     * Requests to {@code pattern} with one of {@code methods} (comma separated, or {@code *} for
     * any) need all of {@code scopes} (none: any authenticated caller). Rules are tried in the
     * order added; the first match decides.
     *
     * @param methods HTTP methods, comma separated, or {@code *}
     * @param pattern in {@link PathPattern} syntax
     * @param scopes the scopes a caller must all hold; none for any authenticated caller
     * @return this builder
     * @throws IllegalArgumentException if a method is not letters only or the pattern is invalid
     */
    public Builder rule(String methods, String pattern, String... scopes) {
      List<String> m = methods.strip().equals("*")
          ? List.of() : Arrays.stream(methods.split(",")).map(String::strip).toList();
      rules.add(new AccessRule(Set.copyOf(m), PathPattern.of(pattern), Set.of(scopes)));
      return this;
    }

    /**
     * Adds a prepared rule, tried after those added before.
     *
     * @param rule the rule; not null
     * @return this builder
     */
    public Builder rule(AccessRule rule) {
      rules.add(rule);
      return this;
    }

    /**
     * The policy; with no protected prefix, {@code /} (everything) is protected.
     *
     * @return a new, immutable policy
     */
    public AccessPolicy build() {
      List<String> p = prefixes.isEmpty() ? List.of("/") : prefixes;
      return new AccessPolicy(p, publicPaths, rules);
    }
  }
}
