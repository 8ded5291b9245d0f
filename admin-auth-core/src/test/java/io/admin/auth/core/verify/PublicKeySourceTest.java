package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.key.JwkSets;
import io.admin.auth.core.key.PublicVerificationKey;
import io.admin.auth.core.spi.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed sources of a resource server's public keys: a list, a JWK Set, a JWK Set file. */
class PublicKeySourceTest {

  private static PublicVerificationKey published(SigningAlgorithm alg) {
    SigningKey k = KEYS.get(alg);
    return new PublicVerificationKey(k.kid(), alg, (PublicKey) k.verificationKey());
  }

  @Test
  void ofWhenTwoKeysShareAKidThenRefusedNamingIt() {
    PublicVerificationKey es = published(SigningAlgorithm.ES256);
    PublicVerificationKey again = new PublicVerificationKey(es.kid(), es.algorithm(),
        es.verificationKey());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PublicKeySource.of(List.of(es, again)));

    assertEquals("key " + es.kid() + " appears twice", e.getMessage());
  }

  @Test
  void findWhenKidNullOrUnknownThenEmptyElseTheKey() {
    PublicVerificationKey es = published(SigningAlgorithm.ES256);
    PublicKeySource source = PublicKeySource.of(List.of(es, published(SigningAlgorithm.RS256)));

    assertTrue(source.find(null).isEmpty(), "a header without kid finds nothing, no exception");
    assertTrue(source.find("no-such-kid").isEmpty());
    assertEquals(es, source.find(es.kid()).orElseThrow());
  }

  @Test
  void jwkSetFileWhenReadableThenItsKeysElseRefusedNamingTheFile(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, JwkSets.toJson(TestJws.RING), StandardCharsets.UTF_8);
    SigningKey es = KEYS.get(SigningAlgorithm.ES256);

    PublicKeySource source = PublicKeySource.jwkSetFile(file);

    assertEquals(es.verificationKey(), source.find(es.kid()).orElseThrow().verificationKey());
    Path missing = dir.resolve("missing.json");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PublicKeySource.jwkSetFile(missing));
    assertTrue(e.getMessage().startsWith("cannot read the JWK Set file " + missing),
        e.getMessage());
  }
}
