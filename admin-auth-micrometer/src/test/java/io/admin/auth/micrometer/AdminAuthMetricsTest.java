package io.admin.auth.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.observe.KeyRotationStep;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each observation becomes, for the events the HTTP test does not produce: refreshes,
 * reuse, replays, JWK Set fetches per issuer, unavailability, and tag values outside the
 * documented sets, which collapse to one value instead of growing a series per value.
 */
class AdminAuthMetricsTest {

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AdminAuthMetrics metrics =
      AdminAuthMetrics.bindTo(registry, Tags.of("app", "orders"));

  @Test
  void auditEventsWhenReceivedThenCountedByGrantKindAndKindOfAbuse() {
    metrics.auditEvent(new AuditEvent.TokenRefreshed(AT, "c", "fam", "jti-1"));
    metrics.auditEvent(new AuditEvent.TokenIssued(AT, "authorization_code", "c", "alice",
        "jti-2", Set.of("openid"), "fam"));
    metrics.auditEvent(new AuditEvent.TokenIssued(AT, "urn:made:up", "c", "bob", "jti-3",
        Set.of(), null));
    metrics.auditEvent(new AuditEvent.RefreshTokenReuseDetected(AT, "c", "fam"));
    metrics.auditEvent(new AuditEvent.AuthorizationCodeReplayDetected(AT, "c", "grant"));
    metrics.auditEvent(new AuditEvent.TokenRevoked(AT, "c", "refresh_family", "fam"));
    metrics.auditEvent(new AuditEvent.VerificationFailed(AT, AuthErrorCode.AUTH_TOKEN_INVALID,
        "bad signature", "abc", null));

    assertEquals(1.0, count(AdminAuthMetrics.TOKENS_ISSUED, "grant", "refresh_token"));
    assertEquals(1.0, count(AdminAuthMetrics.TOKENS_ISSUED, "grant", "authorization_code"));
    assertEquals(1.0, count(AdminAuthMetrics.TOKENS_ISSUED, "grant", "other"));
    assertEquals(1.0, registry.get(AdminAuthMetrics.REFRESH_REUSE).counter().count());
    assertEquals(1.0, registry.get(AdminAuthMetrics.CODE_REPLAYS).counter().count());
    assertEquals(1.0, count(AdminAuthMetrics.REVOCATIONS, "kind", "refresh_family"));
    // Counted by the filter, with its method: not twice.
    assertEquals(0, registry.find(AdminAuthMetrics.AUTHENTICATIONS).timers().size());
    assertEquals("orders", registry.get(AdminAuthMetrics.REFRESH_REUSE).counter().getId()
        .getTag("app"));
  }

  @Test
  void fetchesRotationsAndUnavailabilityWhenObservedThenCountedByTheirTags() {
    metrics.jwksFetch("https://idp.example.test", true);
    metrics.jwksFetch("https://idp.example.test", false);
    metrics.jwksFetch("https://idp.example.test", false);
    metrics.keyRotation(KeyRotationStep.PUBLISHED);
    metrics.authenticationUnavailable("third_party", 1_000L);
    metrics.authentication("api_key", AuthErrorCode.AUTH_RATE_LIMITED, 1_000L);
    metrics.rateLimited("basic_per_user");

    assertEquals(1.0, registry.get(AdminAuthMetrics.JWKS_FETCHES)
        .tag("issuer", "https://idp.example.test").tag("outcome", "success").counter().count());
    assertEquals(2.0, registry.get(AdminAuthMetrics.JWKS_FETCHES)
        .tag("issuer", "https://idp.example.test").tag("outcome", "failure").counter().count());
    assertEquals(1.0, count(AdminAuthMetrics.KEY_ROTATIONS, "step", "published"));
    assertEquals(1L, registry.get(AdminAuthMetrics.AUTHENTICATIONS).tag("method", "third_party")
        .tag("outcome", "unavailable").tag("error", "none").timer().count());
    assertEquals(1L, registry.get(AdminAuthMetrics.AUTHENTICATIONS).tag("method", "api_key")
        .tag("outcome", "rejected").tag("error", "AUTH_RATE_LIMITED").timer().count());
    assertEquals(1.0, count(AdminAuthMetrics.RATE_LIMITED, "limit", "basic_per_user"));
  }

  @Test
  void namesWhenNotShortLowerCaseIdentifiersThenCollapsedToOneFallbackValue() {
    metrics.authentication("Bearer eyJhbGciOi.x.y", null, 1L);
    metrics.authentication("", null, 1L);
    metrics.rateLimited("user:alice@example.test");
    metrics.rateLimited("x".repeat(41));

    assertEquals(2L, registry.get(AdminAuthMetrics.AUTHENTICATIONS).tag("method", "custom")
        .timer().count());
    assertEquals(2.0, count(AdminAuthMetrics.RATE_LIMITED, "limit", "other"));
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }
}
