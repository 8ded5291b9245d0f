package io.admin.auth.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code jetty-env.xml} an operator would write for the sample WAR (the template
 * {@code io/admin/auth/it/jetty-env.xml} on the test class path), with its {@code @name@}
 * placeholders filled in: {@code @jdbc-url@} and one per secret, named by its JNDI name below
 * {@code java:comp/env}.
 */
final class JettyEnvXml {

  private static final String TEMPLATE = "jetty-env.xml";
  private static final Pattern PLACEHOLDER = Pattern.compile("@([a-z][a-z0-9/-]*)@");

  private JettyEnvXml() {}

  /**
   * Writes the filled-in file to {@code file} and returns it.
   *
   * @throws IllegalStateException if the template names a value it was not given, or lacks one
   *     it was given: the template and {@link Secrets} must agree
   */
  static Path write(Path file, String jdbcUrl, Secrets secrets) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("jdbc-url", jdbcUrl);
    values.putAll(secrets.entries());
    String filled = fill(template(), values);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, filled, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    Set<String> used = new HashSet<>();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for @" + m.group(1) + "@ in " + TEMPLATE);
      }
      used.add(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
    }
    m.appendTail(out);
    if (!used.containsAll(values.keySet())) {
      Set<String> missing = new TreeSet<>(values.keySet());
      missing.removeAll(used);
      throw new IllegalStateException(TEMPLATE + " does not use " + missing);
    }
    return out.toString();
  }

  // A JDBC URL's query separator '&' (and anything else markup-like) must not break the XML.
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&apos;");
  }

  private static String template() {
    try (InputStream in = JettyEnvXml.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is not on the test class path next to "
            + JettyEnvXml.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
