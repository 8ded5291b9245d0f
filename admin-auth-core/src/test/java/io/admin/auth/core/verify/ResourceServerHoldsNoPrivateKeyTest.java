package io.admin.auth.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.key.PublicVerificationKey;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SigningKey;
import java.lang.reflect.Array;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A resource server holds no private key: its configuration API has no way to take one, and the
 * verifier it builds, after verifying a token, reaches none.
 */
class ResourceServerHoldsNoPrivateKeyTest {

  private static final List<Class<?>> PRIVATE_KEY_CARRIERS = List.of(PrivateKey.class,
      SigningKey.class, KeyPair.class, AccessTokenVerifier.KeyResolver.class, Key.class);

  @Test
  void configurationApiWhenListedThenNoMethodTakesAPrivateKeyOrSigningKey() {
    List<String> offenders = new ArrayList<>();
    for (Class<?> type : List.of(ResourceServerVerifierBuilder.class, PublicKeySource.class,
        PublicVerificationKey.class)) {
      List<Executable> api = new ArrayList<>(List.of(type.getMethods()));
      api.addAll(List.of(type.getConstructors()));
      for (Executable e : api) {
        for (Class<?> parameter : e.getParameterTypes()) {
          for (Class<?> carrier : PRIVATE_KEY_CARRIERS) {
            if (carrier.isAssignableFrom(parameter) || parameter.isAssignableFrom(carrier)
                && parameter != Object.class) {
              offenders.add(type.getSimpleName() + "." + e.getName() + "(" + parameter + ")");
            }
          }
        }
      }
    }
    // PublicVerificationKey takes a PublicKey, which is a Key but carries no private half.
    offenders.removeIf(o -> o.contains("interface java.security.PublicKey"));
    assertEquals(List.of(), offenders);
  }

  @Test
  void verifierWhenItVerifiedATokenThenReachesPublicKeysAndNoPrivateOne() {
    DefaultTokenService issuer = DefaultTokenService.builder().issuer("https://auth.example.test")
        .signingAlgorithm(SigningAlgorithm.RS256).build();
    AccessTokenVerifier verifier = AccessTokenVerifier.resourceServer()
        .issuer("https://auth.example.test")
        .publicKeys(PublicKeySource.jwkSet(issuer.jwkSetJson())).build();
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(token(issuer)));

    Reach reach = reach(verifier);

    assertTrue(reach.publicKeys > 0, "the walk must reach the keys it verifies with");
    assertEquals(0, reach.privateKeys);
  }

  @Test
  void walkWhenVerifierOfTheIssuerItselfThenFindsItsPrivateKey() {
    // The same walk over a verifier on the issuer's own key ring: proof the walk sees private keys.
    DefaultTokenService issuer = DefaultTokenService.builder().issuer("https://auth.example.test")
        .build();
    SigningKey key = new io.admin.auth.core.key.SigningKeys(new java.security.SecureRandom())
        .generate(SigningAlgorithm.RS256, io.admin.auth.core.spi.KeyState.ACTIVE,
            java.time.Instant.now());
    AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer("https://auth.example.test")
        .keys(kid -> Optional.of(key))
        .revocationStore(new io.admin.auth.core.store.memory.InMemoryRevocationStore()).build();
    assertFalse(verifier.verify(token(issuer)) instanceof AuthOutcome.Authenticated);

    assertTrue(reach(verifier).privateKeys > 0);
  }

  private static String token(DefaultTokenService service) {
    OAuthClient client = service.registerClient(ClientRegistration.of("client-a",
        "s3cr3t-that-is-long-enough-0123456789", Set.of("users:read")));
    TokenResult result = service.clientCredentials(client, Optional.empty());
    return assertInstanceOf(TokenResult.Issued.class, result).response().accessToken();
  }

  private static final class Reach {
    int publicKeys;
    int privateKeys;
  }

  /**
   * Every object reachable from {@code root} through the fields of this library's classes
   * (lambdas included) and the contents of collections, maps, optionals and arrays; JDK objects
   * are looked at but not opened.
   */
  private static Reach reach(Object root) {
    Reach reach = new Reach();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o == null || !seen.add(o)) {
        continue;
      }
      if (o instanceof PrivateKey || o instanceof javax.crypto.SecretKey) {
        reach.privateKeys++;
      } else if (o instanceof PublicKey) {
        reach.publicKeys++;
      }
      if (o instanceof Map<?, ?> m) {
        m.keySet().stream().filter(java.util.Objects::nonNull).forEach(todo::add);
        m.values().stream().filter(java.util.Objects::nonNull).forEach(todo::add);
      } else if (o instanceof Collection<?> c) {
        c.stream().filter(java.util.Objects::nonNull).forEach(todo::add);
      } else if (o instanceof Optional<?> opt) {
        opt.ifPresent(todo::add);
      } else if (o.getClass().isArray() && !o.getClass().getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(o); i++) {
          if (Array.get(o, i) != null) {
            todo.add(Array.get(o, i));
          }
        }
      } else if (o.getClass().getName().startsWith("io.admin.auth.")) {
        for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("io.admin.auth.");
            c = c.getSuperclass()) {
          for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
              continue;
            }
            f.setAccessible(true);
            try {
              Object value = f.get(o);
              if (value != null) {
                todo.add(value);
              }
            } catch (IllegalAccessException e) {
              throw new AssertionError(f.toString(), e);
            }
          }
        }
      }
    }
    return reach;
  }
}
