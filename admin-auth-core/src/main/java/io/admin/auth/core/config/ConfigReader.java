package io.admin.auth.core.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed reads of flat string settings under one key prefix, with one set of rules for every
 * caller:
 *
 * <ul>
 *   <li>Values are stripped; a missing or blank value is <em>absent</em> and every getter then
 *       returns its default ({@link #isSet} still tells a blank key from a missing one).
 *   <li>{@link #bool booleans} are {@code true} or {@code false}, case-insensitive; {@code yes},
 *       {@code 1}, {@code on} and everything else are errors.
 *   <li>{@link #duration durations} are ISO-8601 ({@code PT30S}, {@code PT5M}, {@code P30D}), as
 *       {@link Duration#parse} reads them.
 *   <li>{@link #list lists} are comma separated; items are stripped and empty items dropped.
 *   <li>A value that is exactly a reference, {@code ${source:name}}, is replaced by what the
 *       {@link ReferenceSource} of that name finds: {@code ${env:ADMIN_AUTH_KEK}} reads an environment
 *       variable, {@code ${file:/run/secrets/kek}} a file (see {@link ReferenceSource#files}); front
 *       ends add sources with {@link #withSource}. A reference that finds nothing, or names an
 *       unknown source, is an error naming the property and the reference (never a value). A
 *       value that must start with <code>${</code> literally is written with <code>$${</code>.
 *   <li>Every problem is a {@link ConfigException} (or the {@link #withErrors subclass} a front
 *       end asked for) naming the full property and saying what was expected. The offending value
 *       is quoted (shortened, control characters masked) unless the property {@link #isSecret is
 *       a secret}: then the message says {@code "invalid value"} and carries no cause, since the
 *       cause's message could quote it.
 * </ul>
 *
 * <p>Names passed to the getters are relative to {@link #prefix()}. The reader does not decide
 * which names are allowed: callers check {@link #names()} against what they know, so each can keep
 * its own rule for unknown keys. Immutable and thread-safe.
 */
public final class ConfigReader {

  private static final List<String> SECRET_WORDS = List.of("secret", "password", "pepper", "kek");
  private static final int SHOWN_CHARS = 80;

  private final Map<String, String> values;
  private final String prefix;
  private final ConfigException.Factory errors;
  private final Map<String, ReferenceSource> sources;

  private ConfigReader(Map<String, String> values, String prefix, ConfigException.Factory errors,
      Map<String, ReferenceSource> sources) {
    this.values = values;
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.errors = Objects.requireNonNull(errors, "errors");
    this.sources = sources;
  }

  private ConfigReader(Map<String, String> values, String prefix) {
    this(values, prefix, ConfigException::new, Map.of(
        "env", ReferenceSource.environment(System::getenv), "file", ReferenceSource.files()));
  }

  /**
   * A reader over a copy of {@code settings} (full key to value) for keys under {@code prefix}.
   *
   * @param settings full property names to values
   * @param prefix the prefix of the keys to read, e.g. {@code admin.auth.}; may be empty
   * @return a reader over the copy
   */
  public static ConfigReader of(Map<String, String> settings, String prefix) {
    return new ConfigReader(Map.copyOf(settings), prefix);
  }

  /**
   * A reader over a copy of the string-valued entries of {@code properties} (defaults included)
   * for keys under {@code prefix}.
   *
   * @param properties the properties to copy
   * @param prefix the prefix of the keys to read, e.g. {@code admin.auth.}; may be empty
   * @return a reader over the copy
   */
  public static ConfigReader of(Properties properties, String prefix) {
    Map<String, String> copy = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      copy.put(name, properties.getProperty(name));
    }
    return new ConfigReader(Map.copyOf(copy), prefix);
  }

  /**
   * The same settings, throwing the exceptions {@code factory} makes (a front end's subclass).
   *
   * @param factory makes the exceptions thrown
   * @return a new reader; this one is unchanged
   */
  public ConfigReader withErrors(ConfigException.Factory factory) {
    return new ConfigReader(values, prefix, factory, sources);
  }

  /**
   * The same settings, with {@code ${scheme:name}} references looked up in {@code source}
   * (replacing any source of that scheme, so tests can stand in for the environment).
   *
   * @param scheme letters, digits and {@code -}, e.g. {@code jndi}
   * @param source where references of {@code scheme} are looked up
   * @return a new reader; this one is unchanged
   */
  public ConfigReader withSource(String scheme, ReferenceSource source) {
    Objects.requireNonNull(source, "source");
    if (scheme == null || !scheme.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("scheme must be letters, digits and '-', was " + scheme);
    }
    Map<String, ReferenceSource> more = new HashMap<>(sources);
    more.put(scheme, source);
    return new ConfigReader(values, prefix, errors, Map.copyOf(more));
  }

  /**
   * The same settings and errors, for keys under {@code prefix() + subPrefix}.
   *
   * @param subPrefix the prefix to append
   * @return a new reader; this one is unchanged
   */
  public ConfigReader under(String subPrefix) {
    return new ConfigReader(values, prefix + subPrefix, errors, sources);
  }

  /**
   * The prefix names are relative to.
   *
   * @return the prefix; may be empty
   */
  public String prefix() {
    return prefix;
  }

  /**
   * The full property name of {@code name}.
   *
   * @param name the property name relative to {@link #prefix()}
   * @return the prefix followed by {@code name}
   */
  public String key(String name) {
    return prefix + name;
  }

  /**
   * The names (relative, sorted) of every key under the prefix, blank values included.
   *
   * @return the names; empty when no key is under the prefix
   */
  public SortedSet<String> names() {
    SortedSet<String> out = new TreeSet<>();
    for (String key : values.keySet()) {
      if (key.startsWith(prefix)) {
        out.add(key.substring(prefix.length()));
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /**
   * Whether {@code name} is present at all, even with a blank value.
   *
   * @param name the property name relative to {@link #prefix()}
   * @return {@code true} when the key exists
   */
  public boolean isSet(String name) {
    return values.containsKey(key(name));
  }

  /**
   * The stripped value, or empty when absent or blank; a {@code ${source:name}} reference is
   * replaced by what it finds (an error when it finds nothing).
   *
   * @param name the property name relative to {@link #prefix()}
   * @return the value, or empty
   */
  public Optional<String> string(String name) {
    String v = values.get(key(name));
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    String s = v.strip();
    if (s.startsWith("$${")) {
      return Optional.of(s.substring(1));
    }
    return Optional.of(s.startsWith("${") ? resolve(name, s) : s);
  }

  private String resolve(String name, String reference) {
    int colon = reference.indexOf(':');
    if (!reference.endsWith("}") || colon < 3 || colon >= reference.length() - 2) {
      throw error(name, "a reference must look like ${env:NAME} or ${file:/path}, was '"
          + shown(reference) + "' (write $${ for a literal ${)");
    }
    String scheme = reference.substring(2, colon);
    String target = reference.substring(colon + 1, reference.length() - 1);
    ReferenceSource source = sources.get(scheme);
    if (source == null) {
      throw error(name, "refers to unknown source '" + shown(scheme) + "' (known: "
          + String.join(", ", new TreeSet<>(sources.keySet())) + ")");
    }
    return source.lookup(target).map(String::strip).filter(found -> !found.isEmpty())
        .orElseThrow(() -> error(name, "refers to " + source.describe() + " '" + shown(target)
            + "', which is not set or is empty"));
  }

  /**
   * The stripped value, or {@code dflt} when absent or blank.
   *
   * @param name the property name relative to {@link #prefix()}
   * @param dflt the value when absent or blank
   * @return the value
   */
  public String string(String name, String dflt) {
    return string(name).orElse(dflt);
  }

  /**
   * The stripped value; absent or blank is an error ({@code "is required"}).
   *
   * @param name the property name relative to {@link #prefix()}
   * @return the value; never blank
   */
  public String requiredString(String name) {
    return string(name).orElseThrow(() -> error(name, "is required"));
  }

  /**
   * {@code true} or {@code false} in any case, or {@code dflt} when absent; else an error.
   *
   * @param name the property name relative to {@link #prefix()}
   * @param dflt the value when absent
   * @return the value
   */
  public boolean bool(String name, boolean dflt) {
    return value(name, "true or false", v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException();
    }).orElse(dflt);
  }

  /**
   * A decimal {@code int}, or {@code dflt} when absent.
   *
   * @param name the property name relative to {@link #prefix()}
   * @param dflt the value when absent
   * @return the value
   */
  public int integer(String name, int dflt) {
    return value(name, "an integer", Integer::parseInt).orElse(dflt);
  }

  /**
   * A decimal {@code int} of at least 1, or {@code dflt} when absent.
   *
   * @param name the property name relative to {@link #prefix()}
   * @param dflt the value when absent
   * @return the value, at least 1 unless it is {@code dflt}
   */
  public int positiveInt(String name, int dflt) {
    return value(name, "a positive integer", v -> {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new IllegalArgumentException();
      }
      return n;
    }).orElse(dflt);
  }

  /**
   * An ISO-8601 duration such as {@code PT30S}, or empty when absent.
   *
   * @param name the property name relative to {@link #prefix()}
   * @return the duration, or empty
   */
  public Optional<Duration> duration(String name) {
    return value(name, "an ISO-8601 duration such as PT30S", Duration::parse);
  }

  /**
   * An ISO-8601 duration such as {@code PT30S}, or {@code dflt} when absent.
   *
   * @param name the property name relative to {@link #prefix()}
   * @param dflt the value when absent
   * @return the duration, or {@code dflt} when absent
   */
  public Duration duration(String name, Duration dflt) {
    return duration(name).orElse(dflt);
  }

  /**
   * The {@link #commaSeparated comma-separated} items; empty when absent.
   *
   * @param name the property name relative to {@link #prefix()}
   * @return the items; unmodifiable
   */
  public List<String> list(String name) {
    return commaSeparated(string(name).orElse(null));
  }

  /**
   * The constant of {@code type} whose name matches, ignoring case and treating {@code -} as
   * {@code _} (so {@code client-credentials} reads {@code CLIENT_CREDENTIALS}), or {@code dflt}
   * when absent.
   *
   * @param <E> the enum type
   * @param name the property name relative to {@link #prefix()}
   * @param type the enum class
   * @param dflt the value when absent
   * @return the matching constant, or {@code dflt} when absent
   */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type, E dflt) {
    E[] constants = type.getEnumConstants();
    return value(name, "one of " + Arrays.toString(constants), v -> {
      String wanted = v.replace('-', '_');
      for (E e : constants) {
        if (e.name().equalsIgnoreCase(wanted)) {
          return e;
        }
      }
      throw new IllegalArgumentException();
    }).orElse(dflt);
  }

  /**
   * The value read by {@code parser}, or empty when absent. When the parser throws an {@link
   * IllegalArgumentException} or a {@link DateTimeException}, the error says the property
   * expected {@code expected} (e.g. {@code "base64 of at least 32 bytes"}).
   *
   * @param <T> the type of the value
   * @param name the property name relative to {@link #prefix()}
   * @param expected what the value should be, for the error message
   * @param parser reads the stripped value
   * @return the parsed value, or empty
   */
  public <T> Optional<T> value(String name, String expected, Function<String, ? extends T> parser) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(raw.get()));
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | DateTimeException e) {
      String key = key(name);
      if (isSecret(key)) {
        throw errors.create(key, "invalid value, expected " + expected, null);
      }
      throw errors.create(key, "expected " + expected + ", was '" + shown(raw.get()) + "'", e);
    }
  }

  /**
   * Runs {@code action}, which applies {@code name}'s value somewhere that validates it; an
   * {@link IllegalArgumentException}, {@link IllegalStateException} or {@link DateTimeException}
   * becomes an error about {@code name} with the exception's message (for a secret, only {@code
   * "invalid value"}). A {@link ConfigException} passes unchanged.
   *
   * @param name the relative name the error is about
   * @param action what applies the value
   */
  public void check(String name, Runnable action) {
    try {
      action.run();
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException | DateTimeException e) {
      String key = key(name);
      if (isSecret(key)) {
        throw errors.create(key, "invalid value", null);
      }
      throw errors.create(key, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * An error about {@code name}, to throw; {@code problem} must not contain a secret value.
   *
   * @param name the property name relative to {@link #prefix()}
   * @param problem what is wrong
   * @return the exception, not thrown yet
   */
  public ConfigException error(String name, String problem) {
    return errors.create(key(name), problem, null);
  }

  /**
   * Whether a property holds a secret, whose value must never appear in a message: its name
   * contains {@code secret}, {@code password}, {@code pepper} or {@code kek}, in any case.
   *
   * @param property the property name, full or relative
   * @return {@code true} for a secret
   */
  public static boolean isSecret(String property) {
    String lower = property.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  /**
   * Comma-separated items, each stripped, empty ones dropped, order and duplicates kept; an
   * unmodifiable list, empty for {@code null}.
   *
   * @param value the text, or {@code null}
   * @return the items; empty for {@code null} or a blank value
   */
  public static List<String> commaSeparated(String value) {
    if (value == null) {
      return List.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The value as quoted in a message: bounded, with control characters masked. */
  private static String shown(String v) {
    String cut = v.length() > SHOWN_CHARS ? v.substring(0, SHOWN_CHARS) + "..." : v;
    StringBuilder out = new StringBuilder(cut.length());
    cut.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
    return out.toString();
  }
}
