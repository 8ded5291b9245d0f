import io.admin.auth.benchmarks.VerifyBenchmark;
import java.util.function.LongUnaryOperator;

/** Runs n cache hits of VerifyBenchmark.oursCacheHit (RS256) and returns the elapsed nanos. */
public class HitLoop implements LongUnaryOperator {
  final VerifyBenchmark b = new VerifyBenchmark();
  final VerifyBenchmark.OursCached s = new VerifyBenchmark.OursCached();
  final Object expected;
  public static volatile int sink;

  public HitLoop() {
    s.alg = System.getProperty("alg", "RS256");
    s.setup();
    expected = b.oursCacheHit(s);
  }

  public long applyAsLong(long n) {
    int bad = 0;
    long t0 = System.nanoTime();
    for (long i = 0; i < n; i++) {
      if (b.oursCacheHit(s) != expected) bad++;
    }
    long t = System.nanoTime() - t0;
    sink += bad;
    return t;
  }
}
