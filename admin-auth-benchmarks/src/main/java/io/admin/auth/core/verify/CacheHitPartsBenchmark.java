package io.admin.auth.core.verify;

import io.admin.auth.benchmarks.Ours;
import io.admin.auth.benchmarks.TokenFixture;
import java.nio.charset.StandardCharsets;
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
 * {@code VerifyBenchmark.oursCacheHit}: the token's bytes, its {@link TokenDigest}, and
 * {@link VerifiedTokenCache#get}. In the core's package (the classes are package-private); the
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
    TokenDigest digest;
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
      digest = new TokenDigest(random);
      cache = new VerifiedTokenCache(100_000, 32L << 20, random);
      cache.put(f.token(), verified, 600, Ours.NOW.getEpochSecond());
      token = new String(f.token());
      if (cache.get(token) == null) {
        throw new IllegalStateException("fixture token not cached");
      }
    }
  }

  /**
   * The copy of the token's characters the digest reads.
   *
   * @return the bytes
   */
  @Benchmark
  public byte[] latin1Bytes(Parts s) {
    return s.token.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The keyed digest of the whole token, both halves.
   *
   * @return the digest
   */
  @Benchmark
  public Object digest(Parts s) {
    return s.digest.of(s.token);
  }

  /**
   * The cache lookup: digest, map read, use counter.
   *
   * @return the entry
   */
  @Benchmark
  public Object cacheGet(Parts s) {
    return s.cache.get(s.token);
  }
}
