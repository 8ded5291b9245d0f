package io.admin.auth.servlet.config;

import io.admin.auth.core.issue.TokenService;
import java.util.Properties;

/**
 * Creates the {@link TokenService} for declarative (properties / {@code web.xml}) set-ups. Name an
 * implementation with {@value AdminAuthProperties#TOKEN_SERVICE_FACTORY}; it needs a public
 * no-argument constructor. Implementations read their own keys from the properties (with
 * {@link io.admin.auth.core.config.ConfigReader} to follow the same value rules) and throw
 * {@link AdminAuthConfigException}, or any {@link io.admin.auth.core.config.ConfigException},
 * naming the property for anything they cannot use; {@link AdminAuthProperties#load} reports
 * either as an {@link AdminAuthConfigException}.
 */
@FunctionalInterface
public interface TokenServiceFactory {

  /**
   * Builds the token service.
   *
   * @param properties every configured property ({@code admin.auth.issuer} already resolved,
   *     including a {@code web.xml} override)
   * @return the token service the endpoints and the Bearer scheme use; never null
   */
  TokenService create(Properties properties);
}
