package io.admin.auth.spring.boot;

import io.admin.auth.servlet.config.AdminAuthProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Spring's view of the {@code admin.auth.*} settings as the flat properties of the properties
 * file, so that {@link AdminAuthProperties} and its relatives read them by the same names and
 * rules: bound with Spring's relaxed binding (application.yml, application.properties,
 * environment variables, command-line arguments; {@code ${...}} placeholders resolved by
 * Spring), and YAML lists turned into the comma-separated lists the properties file uses.
 * Immutable.
 */
final class AdminAuthEnvironment {

  /** Spring's name of the prefix, without the trailing dot. */
  static final String PREFIX = AdminAuthProperties.PREFIX.substring(0,
      AdminAuthProperties.PREFIX.length() - 1);

  /**
   * Access rules are numbered keys ({@code admin.auth.rule.1}), tried in ascending order, so a YAML
   * list of them ({@code rule.0}, {@code rule.1}, ...) already is what the properties file says.
   */
  private static final String RULES = "rule";
  /**
   * A list item as Spring's binder names it: {@code protected-prefixes.0} for the first item of a
   * YAML list (or {@code protected-prefixes[0]} in a properties file).
   */
  private static final Pattern INDEXED = Pattern.compile("(.+?)(?:\\.|\\[)(\\d+)]?");

  private final Map<String, String> values;

  private AdminAuthEnvironment(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Reads every {@code admin.auth.*} setting of {@code environment}. */
  static AdminAuthEnvironment of(Environment environment) {
    Map<String, String> bound = Binder.get(environment)
        .bind(PREFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    return new AdminAuthEnvironment(flatten(bound));
  }

  /**
   * The settings under their full names ({@code admin.auth.issuer}), list items joined with
   * commas in index order.
   */
  static Map<String, String> flatten(Map<String, String> relative) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, TreeMap<Integer, String>> lists = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : relative.entrySet()) {
      Matcher m = INDEXED.matcher(e.getKey());
      // rule.<n> is a numbered key of the properties format, not a list item.
      if (m.matches() && !m.group(1).equals(RULES)) {
        lists.computeIfAbsent(m.group(1), k -> new TreeMap<>())
            .put(Integer.parseInt(m.group(2)), e.getValue());
      } else {
        out.put(AdminAuthProperties.PREFIX + e.getKey(), e.getValue());
      }
    }
    lists.forEach((name, items) ->
        out.put(AdminAuthProperties.PREFIX + name, String.join(",", items.values())));
    return out;
  }

  /** Whether any {@code admin.auth.*} setting is present. */
  boolean configured() {
    return !values.isEmpty();
  }

  /** Whether any setting starts with {@code prefix} (a full name such as {@code admin.auth.x.}). */
  boolean anyUnder(String prefix) {
    return values.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  /** A fresh copy as {@link Properties}, for the readers of the servlet module. */
  Properties properties() {
    Properties p = new Properties();
    p.putAll(values);
    return p;
  }

  /** The names of the settings, sorted; never their values, which may be secrets. */
  List<String> names() {
    return values.keySet().stream().sorted().toList();
  }

  @Override
  public String toString() {
    return "AdminAuthEnvironment" + names();
  }
}
