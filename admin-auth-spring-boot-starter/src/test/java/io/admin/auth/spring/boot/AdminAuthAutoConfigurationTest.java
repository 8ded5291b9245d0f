package io.admin.auth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.micrometer.AdminAuthMetrics;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.AdminAuthConfigException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the starter acts and when it stays out: off without any {@code admin.auth.*} setting, a
 * wrong or missing setting fails the start naming the property, the filter registration is
 * ordered ahead of Spring Security's chain and an application bean of its name replaces it.
 */
class AdminAuthAutoConfigurationTest {

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AdminAuthAutoConfiguration.class));

  private static AdminAuthConfigException configError(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AdminAuthConfigException e) {
        return e;
      }
    }
    throw new AssertionError("no AdminAuthConfigException in " + failure, failure);
  }

  @Test
  void withoutAnyAdminAuthSettingTheStarterStaysOut() {
    runner.withPropertyValues("spring.application.name=plain").run(context -> {
      assertFalse(context.containsBean("adminAuth"));
      assertEquals(0, context.getBeanNamesForType(TokenService.class).length);
    });
  }

  @Test
  void aSettingWithoutTheIssuerFailsTheStartNamingIt() {
    runner.withPropertyValues("admin.auth.protected-prefixes=/api").run(context -> {
      assertNotNull(context.getStartupFailure());
      assertEquals("admin.auth.issuer", configError(context.getStartupFailure()).property());
    });
  }

  @Test
  void aMisspeltSettingFailsTheStartRatherThanBeingIgnored() {
    runner.withPropertyValues("admin.auth.issuer=https://auth.example.test",
        "admin.auth.require-http=true").run(context ->
        assertEquals("admin.auth.require-http",
            configError(context.getStartupFailure()).property()));
  }

  @Test
  void theFilterIsRegisteredOnEveryPathAheadOfSpringSecurity() {
    runner.withPropertyValues("admin.auth.issuer=https://auth.example.test").run(context -> {
      FilterRegistrationBean<?> registration = context.getBean(
          AdminAuthAutoConfiguration.FILTER_REGISTRATION, FilterRegistrationBean.class);
      assertInstanceOf(AdminAuthFilter.class, registration.getFilter());
      assertSame(context.getBean(AdminAuth.class).filter(), registration.getFilter());
      assertTrue(registration.getUrlPatterns().contains("/*"));
      // Spring Security's DelegatingFilterProxy is registered at -100 by default.
      assertTrue(registration.getOrder() < -100, "order " + registration.getOrder());
    });
  }

  @Test
  void anApplicationFilterRegistrationOfThatNameReplacesTheStarters() {
    runner.withPropertyValues("admin.auth.issuer=https://auth.example.test")
        .withUserConfiguration(OwnRegistration.class).run(context -> {
          FilterRegistrationBean<?> registration = context.getBean(
              AdminAuthAutoConfiguration.FILTER_REGISTRATION, FilterRegistrationBean.class);
          assertEquals(42, registration.getOrder());
        });
  }

  @Test
  void withoutAMeterRegistryNothingObservesAndWithOneTheMetricsDo() {
    runner.withPropertyValues("admin.auth.issuer=https://auth.example.test").run(context ->
        assertEquals(0, context.getBeanNamesForType(AuthObserver.class).length));
    runner.withPropertyValues("admin.auth.issuer=https://auth.example.test")
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context ->
            assertInstanceOf(AdminAuthMetrics.class, context.getBean(AuthObserver.class)));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRegistration {
    @Bean(AdminAuthAutoConfiguration.FILTER_REGISTRATION)
    FilterRegistrationBean<AdminAuthFilter> adminAuthFilterRegistration(AdminAuth auth) {
      FilterRegistrationBean<AdminAuthFilter> r = new FilterRegistrationBean<>(auth.filter());
      r.setOrder(42);
      return r;
    }
  }
}
