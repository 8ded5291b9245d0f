package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.testing.RecordingObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The token service's observer hears its audit events (after, not instead of, the audit
 * listener), its verifier's cache lookups and its key rotation steps.
 */
class TokenServiceObserverTest {

  private final MutableClock clock = MutableClock.atGuideExample();
  private final RecordingObserver observer = new RecordingObserver();
  private final List<AuditEvent> audited = new ArrayList<>();
  private final DefaultTokenService service = ServiceFixture.builder(clock)
      .auditListener(audited::add).observer(observer).build();

  @Test
  void issueVerifyRevokeWhenObservedThenObserverAndListenerBothHearEveryAuditEvent() {
    OAuthClient client = service.registerClient(
        ClientRegistration.of("client-a", SECRET, Set.of("users:read")));
    String token = ServiceFixture.issued(service.clientCredentials(client, Optional.empty()))
        .accessToken();
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(token));
    assertInstanceOf(AuthOutcome.Authenticated.class, service.verify(token));
    service.revoke(client, token, Optional.empty());

    assertEquals(audited, observer.events());
    assertEquals(List.of(AuditEvent.TokenIssued.class, AuditEvent.TokenRevoked.class),
        observer.events().stream().map(Object::getClass).toList());
    assertEquals(List.of("key created", "audit TokenIssued", "cache miss", "cache hit"),
        observer.calls().subList(0, 4));
  }
}
