package io.admin.auth.core.key;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable snapshot of the signing keys: the one key that signs, and every key a token may be
 * verified with, selected by {@code kid}.
 *
 * <p>The signing key is the newest {@code ACTIVE} key (by activation time, then kid), so that two
 * nodes that raced to create a first key still agree; a ring made {@linkplain #of(Collection,
 * SigningAlgorithm) for a primary algorithm} prefers the newest active key of that algorithm, so a
 * key kept active for another purpose (the RS256 key of ID tokens) never signs access tokens.
 * Every key in the ring, in any state, is accepted for verification and (if asymmetric)
 * published.
 */
public final class KeyRing {

  private static final Comparator<SigningKey> NEWEST_ACTIVE_FIRST =
      Comparator.comparing(SigningKey::activatedAt).thenComparing(SigningKey::kid).reversed();

  private final SigningKey active;
  private final Map<String, SigningKey> byKid;
  private final List<SigningKey> keys;

  private KeyRing(SigningKey active, Map<String, SigningKey> byKid, List<SigningKey> keys) {
    this.active = active;
    this.byKid = byKid;
    this.keys = keys;
  }

  /**
   * A ring over {@code keys}.
   *
   * @param keys the keys, with at least one {@code ACTIVE}
   * @return an immutable ring
   * @throws IllegalArgumentException when no key is {@code ACTIVE} or two keys share a kid
   */
  public static KeyRing of(Collection<SigningKey> keys) {
    return of(keys, null);
  }

  /**
   * A ring over {@code keys} whose {@link #active()} key is the newest active key of {@code
   * primary}, or, while no key of that algorithm is active yet (an algorithm change still being
   * pre-published), the newest active key of any algorithm.
   *
   * @param primary the algorithm access tokens are signed with, or {@code null} for none
   * @param keys the keys, with at least one {@code ACTIVE}
   * @return an immutable ring
   * @throws IllegalArgumentException when no key is {@code ACTIVE} or two keys share a kid
   */
  public static KeyRing of(Collection<SigningKey> keys, SigningAlgorithm primary) {
    return build(keys, actives -> actives.stream().filter(k -> k.algorithm() == primary)
        .findFirst().orElse(actives.get(0)));
  }

  /**
   * A ring over {@code keys} whose {@link #active()} key is {@code signing}: for {@link
   * KeyRotator}, which alone knows which algorithms are companions that must never sign access
   * tokens, even while the primary algorithm changes.
   *
   * @throws IllegalArgumentException when no key is {@code ACTIVE}, two keys share a kid, or
   *     {@code signing} is not one of the active keys
   */
  static KeyRing signedBy(Collection<SigningKey> keys, SigningKey signing) {
    return build(keys, actives -> actives.stream()
        .filter(k -> signing != null && k.kid().equals(signing.kid())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the signing key is not active")));
  }

  // actives: the active keys, newest first, never empty.
  private static KeyRing build(Collection<SigningKey> keys,
      Function<List<SigningKey>, SigningKey> chooseActive) {
    Map<String, SigningKey> byKid = new HashMap<>();
    List<SigningKey> actives = new ArrayList<>();
    for (SigningKey k : keys) {
      if (byKid.putIfAbsent(k.kid(), k) != null) {
        throw new IllegalArgumentException("duplicate kid " + k.kid());
      }
      if (k.state() == KeyState.ACTIVE) {
        actives.add(k);
      }
    }
    if (actives.isEmpty()) {
      throw new IllegalArgumentException("no ACTIVE key");
    }
    actives.sort(NEWEST_ACTIVE_FIRST);
    SigningKey active = chooseActive.apply(actives);
    List<SigningKey> ordered = new ArrayList<>(keys);
    ordered.sort(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::kid));
    return new KeyRing(active, Map.copyOf(byKid), List.copyOf(ordered));
  }

  /**
   * The key that signs new tokens.
   *
   * @return the signing key; never {@code null}
   */
  public SigningKey active() {
    return active;
  }

  /**
   * The newest {@code ACTIVE} key made for {@code algorithm} (by activation time, then kid), or
   * empty when there is none: how ID tokens find their RS256 key whatever {@link #active()} is.
   *
   * @param algorithm the algorithm of the key wanted, e.g. RS256 for ID tokens
   * @return the key, or empty when none of that algorithm is active
   */
  public Optional<SigningKey> active(SigningAlgorithm algorithm) {
    return keys.stream()
        .filter(k -> k.state() == KeyState.ACTIVE && k.algorithm() == algorithm)
        .min(NEWEST_ACTIVE_FIRST);
  }

  /**
   * The verification key for {@code kid}; empty for an unknown or {@code null} kid.
   *
   * @param kid the {@code kid} of a token header; may be {@code null}
   * @return the key, of any state, or empty
   */
  public Optional<SigningKey> find(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
  }

  /**
   * Every key, oldest first.
   *
   * @return the keys; never empty
   */
  public List<SigningKey> keys() {
    return keys;
  }

  /**
   * The keys that go in the public JWK Set: every asymmetric key, oldest first.
   *
   * @return the publishable keys; empty when every key is HS256
   */
  public List<SigningKey> published() {
    return keys.stream().filter(SigningKey::isPublishable).toList();
  }

  @Override
  public String toString() {
    return "KeyRing[active=" + active.kid() + ", kids=" + keys.stream().map(SigningKey::kid).toList()
        + "]";
  }
}
