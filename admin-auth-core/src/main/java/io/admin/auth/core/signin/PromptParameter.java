package io.admin.auth.core.signin;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The OpenID Connect {@code prompt} parameter: space-separated values (OIDC Core 3.1.2.1). */
final class PromptParameter {

  private PromptParameter() {}

  /**
   * The prompts of {@code prompt}: empty set when {@code null}; {@link Optional#empty()} for an
   * unknown value or {@code none} combined with another (OIDC Core makes that an error).
   */
  static Optional<Set<Prompt>> parse(String prompt) {
    Set<Prompt> out = EnumSet.noneOf(Prompt.class);
    if (prompt == null) {
      return Optional.of(out);
    }
    for (String value : prompt.split(" ")) {
      if (value.isEmpty()) {
        continue;
      }
      Optional<Prompt> p = Prompt.fromWire(value);
      if (p.isEmpty()) {
        return Optional.empty();
      }
      out.add(p.get());
    }
    if (out.contains(Prompt.NONE) && out.size() > 1) {
      return Optional.empty();
    }
    return Optional.of(out);
  }
}
