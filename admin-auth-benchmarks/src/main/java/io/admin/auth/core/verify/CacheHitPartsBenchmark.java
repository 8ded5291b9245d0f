package io.admin.auth.core.verify;

import io.admin.auth.benchmarks.Ours;
import io.admin.auth.benchmarks.TokenFixture;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parts of a verified-token cache hit, each alone, on the same fixture token as
 * {@code VerifyBenchmark.oursCacheHit}: the keyed hash of the token's end ({@link TokenKey}),
 * the comparison with the cached token, and {@link VerifiedTokenCache#get} (both and the map read). In the core's package (the classes are package-private); the
 * benchmarks jar runs on the class path, where that is allowed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CacheHitPartsBenchmark {

  /** One cache holding the fixture token, probed with an equal string (not the same instance). */
  @State(Scope.Thread)
  public static class Parts {
    /** JOSE algorithm name. */
    @Param({"RS256", "ES256", "EdDSA", "HS256"})
    public String alg;
    String token;
    String cached;
    TokenKey.Hasher hasher;
    VerifiedTokenCache cache;

    /** Verifies the fixture token without a cache and puts its answer into a fresh cache. */
    @Setup
    public void setup() {
      TokenFixture f = TokenFixture.forAlgorithm(alg);
      AccessTokenVerifier uncached = Ours.verifier(f).cacheEnabled(false).build();
      Checked verified = uncached.check(f.token(), true);
      if (verified.error() != null) {
        throw new IllegalStateException("fixture token does not verify: " + verified.error());
      }
      SecureRandom random = new SecureRandom();
      hasher = new TokenKey.Hasher(random);
      cache = new VerifiedTokenCache(100_000, 80L << 20, random);
      // Equal strings with arrays of their own, as a request's header value and the cached
      // token are: the JDK's comparison returns at once for one shared array.
      cached = new String(f.token().toCharArray());
      cache.put(cached, verified, 1_400, Ours.NOW.getEpochSecond());
      token = new String(f.token().toCharArray());
      if (cache.get(token) == null) {
        throw new IllegalStateException("fixture token not cached");
      }
    }
  }

  /**
   * The keyed hash of the token's length and end.
   *
   * @return the hash
   */
  @Benchmark
  public int hash(Parts s) {
    return s.hasher.hash(s.token);
  }

  /**
   * The whole token compared with the cached one.
   *
   * @return whether equal (always)
   */
  @Benchmark
  public boolean compare(Parts s) {
    return s.token.equals(s.cached);
  }

  /**
   * The cache lookup: hash, map read with the comparison, use counter.
   *
   * @return the entry
   */
  @Benchmark
  public Object cacheGet(Parts s) {
    return s.cache.get(s.token);
  }
}
