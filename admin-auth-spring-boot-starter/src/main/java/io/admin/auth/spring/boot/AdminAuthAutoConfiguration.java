package io.admin.auth.spring.boot;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.micrometer.AdminAuthMetrics;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.DeclarativeParts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * admin-auth in a Spring Boot servlet application, configured by the {@code admin.auth.*}
 * settings of {@code application.yml} or {@code application.properties} under the names of the
 * properties file ({@code io.admin.auth.servlet.config.AdminAuthProperties}). Active as soon as
 * one such setting exists; a setting that is wrong or missing then fails the start.
 *
 * <p>Beans, each skipped when the application defines its own of that type:
 *
 * <ul>
 *   <li>{@link PersistentStores} on the application's single {@link DataSource} bean, when it has
 *       one (admin-auth-jdbc's tables, the KEK and peppers from {@code admin.auth.store.kek},
 *       {@code admin.auth.token.pepper}, {@code admin.auth.api-keys.pepper}); without one
 *       everything is in memory;
 *   <li>{@link TokenService} (it is also the application's {@code BearerTokenVerifier}), or on a
 *       resource server ({@code admin.auth.resource-server.*}) an {@link AccessTokenVerifier}
 *       over the issuer's public keys;
 *   <li>{@link ApiKeyService} when {@code admin.auth.api-keys.enabled=true}; a bean of the
 *       application's own switches API keys on;
 *   <li>{@link AdminAuth}, built from the beans above and the remaining settings;
 *   <li>an {@link AuthObserver} reporting to the application's {@code MeterRegistry} bean when
 *       there is one and admin-auth-micrometer is on the class path ({@code AdminAuthMetrics}),
 *       given to the token service or verifier and to the filter; an observer bean of the
 *       application's own is used instead.
 * </ul>
 *
 * <p>Boot's embedded containers do not run the servlet module's {@code ServletContainerInitializer},
 * so the filter and the endpoints are registered here: the filter on {@code /*} at {@link
 * #FILTER_ORDER}, ahead of the application's filters and of Spring Security's filter chain (order
 * -100), so a request admin-auth refuses never reaches them; a {@link FilterRegistrationBean} named
 * {@value #FILTER_REGISTRATION} of the application's own replaces it. The endpoint servlets are
 * mapped on their exact paths, which take precedence over Spring MVC's {@code /}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(AdminAuthConditions.Configured.class)
public class AdminAuthAutoConfiguration {

  /**
   * Order of the filter registration: after Boot's character-encoding and observation filters,
   * ahead of every filter the application or Spring Security registers.
   */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  /** Bean name of the filter registration, which an application bean of that name replaces. */
  public static final String FILTER_REGISTRATION = "adminAuthFilterRegistration";

  /** Created by Spring Boot's auto-configuration. */
  public AdminAuthAutoConfiguration() {}

  /** The {@code admin.auth.*} settings, read once. */
  @Bean
  AdminAuthEnvironment adminAuthEnvironment(Environment environment) {
    return AdminAuthEnvironment.of(environment);
  }

  /** The filter, ahead of the application's filters. */
  @Bean(FILTER_REGISTRATION)
  @ConditionalOnMissingBean(name = FILTER_REGISTRATION)
  FilterRegistrationBean<AdminAuthFilter> adminAuthFilterRegistration(AdminAuth auth) {
    FilterRegistrationBean<AdminAuthFilter> registration =
        new FilterRegistrationBean<>(auth.filter());
    registration.setName(AdminAuth.FILTER_NAME);
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /** The endpoint servlets on their paths. */
  @Bean
  ServletContextInitializer adminAuthEndpoints(AdminAuth auth) {
    return new EndpointRegistrations(auth);
  }

  /**
   * Metrics, when the application has a {@code MeterRegistry} and admin-auth-micrometer: both are
   * optional, so the class names are checked before anything of theirs is loaded.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"io.admin.auth.micrometer.AdminAuthMetrics",
      "io.micrometer.core.instrument.MeterRegistry"})
  static class MetricsConfiguration {

    /** admin-auth's meters on the application's registry. */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean(AuthObserver.class)
    AuthObserver adminAuthMetrics(MeterRegistry registry) {
      return AdminAuthMetrics.bindTo(registry);
    }
  }

  /** An application that issues tokens: the token service, its stores and API keys. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(AdminAuthConditions.Issuer.class)
  static class IssuerConfiguration {

    /** The stores in the application's DataSource; closed (never the DataSource) at shutdown. */
    @Bean(destroyMethod = "close")
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean
    PersistentStores adminAuthStores(AdminAuthEnvironment settings, DataSource dataSource,
        ListableBeanFactory beans) {
      String[] names = beans.getBeanNamesForType(DataSource.class);
      String name = names.length == 1 ? names[0] : "primary of " + Arrays.toString(names);
      return DeclarativeParts.openStores(settings.properties(), dataSource, name);
    }

    /** The built-in token service with the configured clients. */
    @Bean
    @ConditionalOnMissingBean
    TokenService adminAuthTokenService(AdminAuthEnvironment settings,
        ObjectProvider<PersistentStores> stores, ObjectProvider<AuthObserver> observer) {
      return DeclarativeParts.tokenService(settings.properties(),
          Optional.ofNullable(stores.getIfUnique()), observer.getIfUnique(AuthObserver::noop));
    }

    /** API keys in the stores, else in memory. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "admin.auth.api-keys.enabled", havingValue = "true")
    ApiKeyService adminAuthApiKeyService(AdminAuthEnvironment settings,
        ObjectProvider<PersistentStores> stores) {
      return DeclarativeParts.apiKeyService(settings.properties(),
          Optional.ofNullable(stores.getIfUnique())).orElseThrow();
    }

    /** The filter and endpoints over the token service. */
    @Bean
    @ConditionalOnMissingBean
    AdminAuth adminAuth(AdminAuthEnvironment settings, TokenService tokens,
        ObjectProvider<ApiKeyService> apiKeys, ObjectProvider<PersistentStores> stores,
        ObjectProvider<AuthObserver> observer) {
      AdminAuth.Builder builder = AdminAuth.builder(tokens)
          .observer(observer.getIfUnique(AuthObserver::noop));
      apiKeys.ifUnique(builder::apiKeys);
      return DeclarativeParts.configure(settings.properties(), builder,
          Optional.ofNullable(stores.getIfUnique())).build();
    }
  }

  /** An application that only verifies the issuer's tokens, with its public keys. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(AdminAuthConditions.ResourceServer.class)
  static class ResourceServerConfiguration {

    /** The verifier over the issuer's JWK Set. */
    @Bean
    @ConditionalOnMissingBean
    AccessTokenVerifier adminAuthVerifier(AdminAuthEnvironment settings,
        ObjectProvider<AuthObserver> observer) {
      return DeclarativeParts.resourceServerVerifier(settings.properties(),
          observer.getIfUnique(AuthObserver::noop));
    }

    /** API keys, in memory (a resource server keeps no stores). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "admin.auth.api-keys.enabled", havingValue = "true")
    ApiKeyService adminAuthApiKeyService(AdminAuthEnvironment settings) {
      return DeclarativeParts.apiKeyService(settings.properties(), Optional.empty())
          .orElseThrow();
    }

    /** The filter over the verifier; no endpoints. */
    @Bean
    @ConditionalOnMissingBean
    AdminAuth adminAuth(AdminAuthEnvironment settings, AccessTokenVerifier verifier,
        ObjectProvider<ApiKeyService> apiKeys, ObjectProvider<AuthObserver> observer) {
      AdminAuth.Builder builder = AdminAuth.resourceServer(verifier)
          .observer(observer.getIfUnique(AuthObserver::noop));
      apiKeys.ifUnique(builder::apiKeys);
      return DeclarativeParts.configure(settings.properties(), builder, Optional.empty()).build();
    }
  }
}
