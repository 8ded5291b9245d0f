package io.admin.auth.servlet.config;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.Set;

/**
 * Zero-code registration, discovered through {@code META-INF/services}: off unless a properties
 * file is present, either at the location of the {@code admin.auth.config} context parameter or
 * at {@code /WEB-INF/admin-auth.properties}. When present, bad configuration throws {@link
 * AdminAuthConfigException}, which fails the application start.
 */
public final class AdminAuthInitializer implements ServletContainerInitializer {

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    Optional<String> location = DeclarativeConfig.location(context);
    location.ifPresent(l -> DeclarativeConfig.register(context, l));
  }
}
