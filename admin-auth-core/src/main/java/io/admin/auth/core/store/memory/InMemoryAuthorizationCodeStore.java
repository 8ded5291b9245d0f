package io.admin.auth.core.store.memory;

import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.AuthorizationCodeStore;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link AuthorizationCodeStore} in memory; {@link #redeem} is atomic through
 * {@link ConcurrentMap#compute}. For tests, development and single nodes.
 */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

  private final ConcurrentMap<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

  /** {@inheritDoc} */
  @Override
  public void save(AuthorizationCode code) {
    Objects.requireNonNull(code, "code");
    if (codes.putIfAbsent(code.codeHash(), code) != null) {
      throw new IllegalArgumentException("duplicate authorization code hash");
    }
  }

  /** {@inheritDoc} */
  @Override
  public RedeemResult redeem(String codeHash, Instant now) {
    Objects.requireNonNull(now, "now");
    if (codeHash == null) {
      return new NotFound();
    }
    RedeemResult[] result = {new NotFound()};
    codes.computeIfPresent(codeHash, (hash, current) -> {
      if (current.redeemedAt() != null) {
        result[0] = new AlreadyRedeemed(current);
        return current;
      }
      AuthorizationCode redeemed = current.withRedeemedAt(now);
      result[0] = new Redeemed(redeemed);
      return redeemed;
    });
    return result[0];
  }

  /** {@inheritDoc} */
  @Override
  public int purgeExpired(Instant cutoff) {
    int before = codes.size();
    codes.values().removeIf(c -> !c.expiresAt().isAfter(cutoff));
    return Math.max(0, before - codes.size());
  }

  /**
   * How many codes are held (for tests and metrics).
   *
   * @return the number of codes, redeemed and expired ones included
   */
  public int size() {
    return codes.size();
  }

  /** {@code false}: everything is lost with the process. */
  @Override
  public boolean persistent() {
    return false;
  }
}
