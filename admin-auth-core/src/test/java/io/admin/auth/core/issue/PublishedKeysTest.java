package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.nimbusds.jose.jwk.JWKSet;
import io.admin.auth.core.SigningAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedKeysTest {

  private final IssueParts parts = new IssueParts(); // an ES256 ring

  @Test
  void signingAlgorithmsWhenConfiguredAlgorithmDiffersFromRingThenConfiguredFirstThenRing() {
    assertEquals(List.of("RS256", "ES256"),
        new PublishedKeys(parts.ring, SigningAlgorithm.RS256).signingAlgorithms());
    assertEquals(List.of("ES256"),
        new PublishedKeys(parts.ring, SigningAlgorithm.ES256).signingAlgorithms());
  }

  @Test
  void jwkSetJsonWhenOneKeyThenTheActiveKeyPublicOnly() throws Exception {
    PublishedKeys keys = new PublishedKeys(parts.ring, SigningAlgorithm.ES256);

    JWKSet set = JWKSet.parse(keys.jwkSetJson());
    assertEquals(1, set.getKeys().size());
    assertEquals(keys.active().kid(), set.getKeys().get(0).getKeyID());
    assertEquals(false, set.getKeys().get(0).isPrivate());
    assertSame(parts.ring.ring(), keys.ring());
  }
}
