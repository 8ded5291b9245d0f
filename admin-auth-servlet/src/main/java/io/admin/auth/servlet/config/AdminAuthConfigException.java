package io.admin.auth.servlet.config;

import java.util.Objects;

/**
 * Configuration that cannot be used. Thrown during container start-up so the application fails
 * to start instead of serving requests with a half-understood configuration; the message starts
 * with the offending property name.
 */
public final class AdminAuthConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String property;

  /** An error about {@code property}. */
  public AdminAuthConfigException(String property, String problem) {
    super(Objects.requireNonNull(property, "property") + ": " + problem);
    this.property = property;
  }

  /** An error about {@code property} caused by {@code cause}. */
  public AdminAuthConfigException(String property, String problem, Throwable cause) {
    super(Objects.requireNonNull(property, "property") + ": " + problem, cause);
    this.property = property;
  }

  /** The property (or init parameter) at fault. */
  public String property() {
    return property;
  }
}
