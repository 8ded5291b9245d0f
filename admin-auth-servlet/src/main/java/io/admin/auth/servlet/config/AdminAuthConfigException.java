package io.admin.auth.servlet.config;

import io.admin.auth.core.config.ConfigException;

/**
 * Configuration that cannot be used. Thrown during container start-up so the application fails
 * to start instead of serving requests with a half-understood configuration; the message starts
 * with the offending property name. A {@link ConfigException}: problems found by core readers
 * (trusted issuers, a custom factory using {@link io.admin.auth.core.config.ConfigReader}) arrive
 * as this type too.
 */
public final class AdminAuthConfigException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /**
   * An error about {@code property}.
   *
   * @param property the full property name, such as {@code admin.auth.issuer}; not null
   * @param problem what is wrong, without a secret value
   */
  public AdminAuthConfigException(String property, String problem) {
    super(property, problem);
  }

  /**
   * An error about {@code property} caused by {@code cause} (may be {@code null}).
   *
   * @param property the full property name, such as {@code admin.auth.issuer}; not null
   * @param problem what is wrong, without a secret value
   * @param cause the underlying error, or {@code null}; must not quote a secret value
   */
  public AdminAuthConfigException(String property, String problem, Throwable cause) {
    super(property, problem, cause);
  }
}
