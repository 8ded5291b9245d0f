package io.admin.auth.spring.boot;

import io.admin.auth.servlet.config.ResourceServerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The conditions of {@link AdminAuthAutoConfiguration}, read from the {@code admin.auth.*} settings. */
final class AdminAuthConditions {

  private AdminAuthConditions() {}

  /**
   * Any {@code admin.auth.*} setting is present. Without one the starter stays out of the way
   * (an application that has the jar but does not use it yet); with one, whatever is missing or
   * wrong fails the start, so a half-configured application is never left unprotected.
   */
  static final class Configured extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context,
        AnnotatedTypeMetadata metadata) {
      return AdminAuthEnvironment.of(context.getEnvironment()).configured()
          ? ConditionOutcome.match("admin.auth.* settings are present")
          : ConditionOutcome.noMatch("no admin.auth.* setting");
    }
  }

  /** Some {@code admin.auth.resource-server.*} setting: the application only verifies tokens. */
  static final class ResourceServer extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context,
        AnnotatedTypeMetadata metadata) {
      return isResourceServer(context)
          ? ConditionOutcome.match(ResourceServerProperties.PREFIX + "* is set")
          : ConditionOutcome.noMatch(ResourceServerProperties.PREFIX + "* is not set");
    }
  }

  /** No {@code admin.auth.resource-server.*} setting: the application issues tokens. */
  static final class Issuer extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context,
        AnnotatedTypeMetadata metadata) {
      return isResourceServer(context)
          ? ConditionOutcome.noMatch(ResourceServerProperties.PREFIX + "* is set")
          : ConditionOutcome.match(ResourceServerProperties.PREFIX + "* is not set");
    }
  }

  private static boolean isResourceServer(ConditionContext context) {
    return AdminAuthEnvironment.of(context.getEnvironment())
        .anyUnder(ResourceServerProperties.PREFIX);
  }
}
