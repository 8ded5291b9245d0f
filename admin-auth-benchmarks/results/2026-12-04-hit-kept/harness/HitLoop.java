import io.admin.auth.benchmarks.VerifyBenchmark;
import java.lang.reflect.Field;
import java.util.function.LongUnaryOperator;

/**
 * Runs n cache hits of VerifyBenchmark.oursCacheHit (RS256) and returns the elapsed nanos. With
 * -Dfresh=true the probed token is given an array of its own after setup, as a request's header
 * value has (String.equals returns at once when both strings share one array).
 */
public class HitLoop implements LongUnaryOperator {
  final VerifyBenchmark b = new VerifyBenchmark();
  final VerifyBenchmark.OursCached s = new VerifyBenchmark.OursCached();
  final Object expected;
  public static volatile int sink;

  public HitLoop() throws ReflectiveOperationException {
    s.alg = System.getProperty("alg", "RS256");
    s.setup();
    if (Boolean.getBoolean("fresh")) {
      Field f = VerifyBenchmark.OursCached.class.getDeclaredField("token");
      f.setAccessible(true);
      f.set(s, new String(((String) f.get(s)).toCharArray()));
    }
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
