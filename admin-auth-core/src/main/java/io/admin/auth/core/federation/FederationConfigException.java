package io.admin.auth.core.federation;

import io.admin.auth.core.config.ConfigException;

/**
 * A federation setting read by {@link TrustedIssuerProperties} that cannot be used; names the
 * property so that configuration front ends (the servlet's properties, the dev server's
 * environment) can point at it. A {@link ConfigException}, so front ends can catch every
 * configuration problem as one type.
 */
public final class FederationConfigException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /**
   * An error about {@code property}.
   *
   * @param property the full property name, e.g. {@code admin.auth.federation.issuers}
   * @param problem what is wrong, without a secret value
   * @param cause the underlying failure, or {@code null}
   */
  public FederationConfigException(String property, String problem, Throwable cause) {
    super(property, problem, cause);
  }
}
