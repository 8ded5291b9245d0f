package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenLifetimesTest {

  private final TokenLifetimes lifetimes =
      new TokenLifetimes(Duration.ofMinutes(15), Duration.ofDays(30));

  private static OAuthClient client(Duration access, Duration refresh) {
    return new OAuthClient("c", "h", Set.of("a"), ClientRegistration.SUPPORTED_GRANTS, true,
        access, refresh);
  }

  @Test
  void forWhenClientHasNoOwnLifetimesThenServiceDefaults() {
    assertEquals(Duration.ofMinutes(15), lifetimes.accessFor(client(null, null)));
    assertEquals(Duration.ofDays(30), lifetimes.refreshFor(client(null, null)));
  }

  @Test
  void forWhenClientHasOwnLifetimesThenThoseButAccessNeverOverOneHour() {
    OAuthClient own = client(Duration.ofMinutes(5), Duration.ofDays(1));
    assertEquals(Duration.ofMinutes(5), lifetimes.accessFor(own));
    assertEquals(Duration.ofDays(1), lifetimes.refreshFor(own));
    // A stored client is not re-validated, so a longer lifetime can reach the service.
    assertEquals(Duration.ofHours(1), lifetimes.accessFor(client(Duration.ofHours(5), null)));
  }
}
