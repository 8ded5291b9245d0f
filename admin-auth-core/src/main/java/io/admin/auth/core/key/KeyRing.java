package io.admin.auth.core.key;

import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the signing keys: the one key that signs, and every key a token may be
 * verified with, selected by {@code kid}.
 *
 * <p>The signing key is the newest {@code ACTIVE} key (by activation time, then kid), so that two
 * nodes that raced to create a first key still agree. Every key in the ring, in any state, is
 * accepted for verification and (if asymmetric) published.
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
   * @throws IllegalArgumentException when no key is {@code ACTIVE} or two keys share a kid
   */
  public static KeyRing of(Collection<SigningKey> keys) {
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
    List<SigningKey> ordered = new ArrayList<>(keys);
    ordered.sort(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::kid));
    return new KeyRing(actives.get(0), Map.copyOf(byKid), List.copyOf(ordered));
  }

  /** The key that signs new tokens. */
  public SigningKey active() {
    return active;
  }

  /** The verification key for {@code kid}; empty for an unknown or {@code null} kid. */
  public Optional<SigningKey> find(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
  }

  /** Every key, oldest first. */
  public List<SigningKey> keys() {
    return keys;
  }

  /** The keys that go in the public JWK Set: every asymmetric key, oldest first. */
  public List<SigningKey> published() {
    return keys.stream().filter(SigningKey::isPublishable).toList();
  }

  @Override
  public String toString() {
    return "KeyRing[active=" + active.kid() + ", kids=" + keys.stream().map(SigningKey::kid).toList()
        + "]";
  }
}
