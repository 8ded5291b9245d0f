package io.admin.auth.core.signin;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Scope names in ordinary words, for the consent page ({@code docs/http-contract.md}, "Signing
 * people in": the page lists the requested scopes in words). Starts from {@link #defaults()};
 * the host application overrides or adds words with {@link #with}. Immutable and thread-safe.
 * The words are plain text: the page that shows them escapes them.
 */
public final class ScopeDescriptions {

  private static final ScopeDescriptions DEFAULTS = new ScopeDescriptions(Map.of(
      "openid", "Confirm who you are to the application.",
      "profile", "See your basic profile, such as your name and username.",
      "email", "See your email address.",
      "offline_access", "Keep access while you are not using the application.",
      "users:read", "See the users of this service.",
      "users:write", "Create and change the users of this service.",
      "api-keys:manage", "Create, rotate and revoke API keys."));

  private final Map<String, String> words;

  private ScopeDescriptions(Map<String, String> words) {
    this.words = Map.copyOf(words);
  }

  /**
   * Words for {@code openid}, {@code profile}, {@code email}, {@code offline_access} and the
   * library's own scopes ({@code users:read}, {@code users:write}, {@code api-keys:manage}).
   *
   * @return the defaults, the same instance on every call
   */
  public static ScopeDescriptions defaults() {
    return DEFAULTS;
  }

  /**
   * These descriptions with {@code overrides} replacing or adding words.
   *
   * @param overrides scope to words
   * @return new descriptions; these are unchanged
   * @throws IllegalArgumentException when a key is not a scope-token (RFC 6749 section 3.3) or
   *     a description is blank
   */
  public ScopeDescriptions with(Map<String, String> overrides) {
    Map<String, String> merged = new HashMap<>(words);
    overrides.forEach((scope, description) -> {
      if (!ScopeParameter.isToken(scope)) {
        throw new IllegalArgumentException("not a scope: " + scope);
      }
      if (description == null || description.isBlank()) {
        throw new IllegalArgumentException("blank description for scope " + scope);
      }
      merged.put(scope, description);
    });
    return new ScopeDescriptions(merged);
  }

  /**
   * The words for {@code scope}, or the scope name itself when none are known.
   *
   * @param scope the scope name, e.g. {@code profile}
   * @return the words; never {@code null}
   */
  public String describe(String scope) {
    return words.getOrDefault(Objects.requireNonNull(scope, "scope"), scope);
  }

  /**
   * Each of {@code scopes} with its words, sorted by scope name.
   *
   * @param scopes the scopes; duplicates are shown once
   * @return each scope with its words
   */
  public List<Described> describeAll(Collection<String> scopes) {
    return new TreeSet<>(scopes).stream().map(s -> new Described(s, describe(s))).toList();
  }

  /**
   * One scope and its words.
   *
   * @param scope the scope name, e.g. {@code profile}
   * @param description what it allows, in ordinary words
   */
  public record Described(String scope, String description) {
    /**
     * Requires both.
     *
     * @param scope the scope name; required
     * @param description what it allows, in ordinary words; required
     */
    public Described {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(description, "description");
    }
  }
}
