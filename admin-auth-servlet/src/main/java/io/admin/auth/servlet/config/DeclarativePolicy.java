package io.admin.auth.servlet.config;

import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.servlet.access.AccessPolicy;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The access policy of a properties file: {@link AdminAuthProperties#PROTECTED_PREFIXES}, {@link
 * AdminAuthProperties#PUBLIC_PATHS} and the numbered {@link AdminAuthProperties#RULE_PREFIX}
 * rules, tried in ascending order of their number.
 */
final class DeclarativePolicy {

  private DeclarativePolicy() {}

  /**
   * The policy, every setting checked on its own.
   *
   * @throws AdminAuthConfigException naming the first setting that cannot be used
   */
  static AccessPolicy read(ConfigReader c) {
    AccessPolicy.Builder policy = AccessPolicy.builder();
    for (String prefix : c.list(AdminAuthProperties.PROTECTED_PREFIXES)) {
      c.check(AdminAuthProperties.PROTECTED_PREFIXES, () -> policy.protectedPrefix(prefix));
    }
    for (String path : c.list(AdminAuthProperties.PUBLIC_PATHS)) {
      c.check(AdminAuthProperties.PUBLIC_PATHS, () -> policy.publicPath(path));
    }
    String rule = AdminAuthProperties.RULE_PREFIX;
    Map<Long, String> rules = new TreeMap<>();
    for (String n : c.under(rule).names()) {
      try {
        rules.put(Long.parseLong(n), rule + n);
      } catch (NumberFormatException e) {
        throw c.error(rule + n, "rule keys must end in a number, e.g. " + rule + "10");
      }
    }
    for (String key : rules.values()) {
      String[] parts = c.string(key, "").split("\\s+");
      if (parts.length < 2) {
        throw c.error(key, "expected '<METHODS|*> <pattern> [scope ...]'");
      }
      c.check(key, () -> policy.rule(parts[0], parts[1],
          Arrays.copyOfRange(parts, 2, parts.length)));
    }
    return policy.build();
  }
}
