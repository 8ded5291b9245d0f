package io.admin.auth.core.federation;

import java.util.Objects;

/**
 * A federation setting read by {@link TrustedIssuerProperties} that cannot be used; names the
 * property so that configuration front ends (the servlet's properties, the dev server's
 * environment) can point at it.
 */
public final class FederationConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String property;

  /** An error about {@code property}. */
  public FederationConfigException(String property, String problem, Throwable cause) {
    super(Objects.requireNonNull(property, "property") + ": " + problem, cause);
    this.property = property;
  }

  /** The property at fault, e.g. {@code admin.auth.federation.issuer.keycloak.audience}. */
  public String property() {
    return property;
  }

  /** The problem without the property name. */
  public String problem() {
    return getMessage().substring(property.length() + 2);
  }
}
