package io.admin.auth.core.config;

import java.util.Objects;

/**
 * A configuration property that cannot be used. The message is {@code "<property>: <problem>"},
 * so whoever reads a failed start-up sees which property to fix; {@link #property()} gives the
 * name to programs (a front end that maps properties back to flags or environment variables).
 *
 * <p>A problem text never contains the value of a secret (see {@link ConfigReader#isSecret}):
 * {@link ConfigReader} says {@code "invalid value"} for those and attaches no cause that could
 * quote it. Code that builds its own {@code ConfigException} must keep that promise too.
 *
 * <p>Front ends subclass it to keep their own catchable type; {@link ConfigReader#withErrors}
 * makes a reader throw the subclass.
 */
public class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception a reader throws; typically a subclass's constructor reference. */
  @FunctionalInterface
  public interface Factory {
    /**
     * An exception about {@code property}.
     *
     * @param property the full property name
     * @param problem what is wrong, without a secret value
     * @param cause the underlying error, or {@code null}
     * @return the exception to throw
     */
    ConfigException create(String property, String problem, Throwable cause);
  }

  /** The full name of the property at fault. */
  private final String property;
  /** What is wrong, without a secret value. */
  private final String problem;

  /**
   * An error about {@code property}; {@code problem} says what is wrong.
   *
   * @param property the full property name; required
   * @param problem what is wrong, without a secret value
   */
  public ConfigException(String property, String problem) {
    this(property, problem, null);
  }

  /**
   * An error about {@code property} caused by {@code cause} (may be {@code null}).
   *
   * @param property the full property name; required
   * @param problem what is wrong, without a secret value
   * @param cause the underlying error, or {@code null}
   */
  public ConfigException(String property, String problem, Throwable cause) {
    super(Objects.requireNonNull(property, "property") + ": " + problem, cause);
    this.property = property;
    this.problem = String.valueOf(problem);
  }

  /**
   * The full name of the property at fault, e.g. {@code admin.auth.require-https}.
   *
   * @return the full property name, e.g. {@code admin.auth.issuer}
   */
  public String property() {
    return property;
  }

  /**
   * The problem without the property name.
   *
   * @return what is wrong, without the property name or a secret value
   */
  public String problem() {
    return problem;
  }
}
