package io.admin.auth.core.key;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwkSetsTest {

  private static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");
  private static final SigningKeys GEN = new SigningKeys(new SecureRandom());
  /** Generated once per class: two RSA keys take seconds, and mutation testing reruns each test. */
  private static KeyRing everyAlgorithm;

  @BeforeAll
  static void ringWithEveryAlgorithm() {
    List<SigningKey> keys = new ArrayList<>();
    for (SigningAlgorithm a : SigningAlgorithm.values()) {
      keys.add(GEN.generate(a, a == SigningAlgorithm.HS256 ? KeyState.ACTIVE : KeyState.RETIRED, T0));
    }
    everyAlgorithm = KeyRing.of(keys);
  }

  @Test
  void toJsonWhenEveryAlgorithmThenAsymmetricOnlyWithKidAlgUse() throws Exception {
    KeyRing ring = everyAlgorithm;
    JWKSet set = JWKSet.parse(JwkSets.toJson(ring));
    assertEquals(4, set.getKeys().size());
    Set<String> algs = set.getKeys().stream().map(k -> k.getAlgorithm().getName())
        .collect(Collectors.toSet());
    assertEquals(Set.of("RS256", "PS256", "ES256", "EdDSA"), algs);
    for (JWK jwk : set.getKeys()) {
      assertFalse(jwk.isPrivate(), jwk.getKeyID());
      assertEquals("sig", jwk.getKeyUse().identifier());
      assertTrue(ring.find(jwk.getKeyID()).isPresent());
    }
  }

  @Test
  void toJsonWhenRenderedThenNoPrivateOrSymmetricMembers() {
    String json = JwkSets.toJson(everyAlgorithm);
    for (String member : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"k\"",
        "\"oct\"", "HS256")) {
      assertFalse(json.contains(member), member + " in " + json);
    }
  }

  @Test
  void toJsonWhenOnlyHs256ThenEmptyKeys() {
    KeyRing ring = KeyRing.of(List.of(GEN.generate(SigningAlgorithm.HS256, KeyState.ACTIVE, T0)));
    assertEquals("{\"keys\":[]}", JwkSets.toJson(ring));
  }

  @Test
  void toJsonWhenEd25519ThenXMatchesPublicKey() throws Exception {
    SigningKey ed = GEN.generate(SigningAlgorithm.EDDSA, KeyState.ACTIVE, T0);
    JWK jwk = JWKSet.parse(JwkSets.toJson(KeyRing.of(List.of(ed)))).getKeys().get(0);
    assertEquals("OKP", jwk.getKeyType().getValue());
    assertEquals("Ed25519", jwk.toOctetKeyPair().getCurve().getName());
    assertEquals(32, jwk.toOctetKeyPair().getX().decode().length);
  }
}
