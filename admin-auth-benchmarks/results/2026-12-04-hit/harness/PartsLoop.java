import io.admin.auth.core.verify.CacheHitPartsBenchmark;
import java.util.function.LongUnaryOperator;

/** Runs n of one CacheHitPartsBenchmark method and returns the elapsed nanos. */
public class PartsLoop implements LongUnaryOperator {
  final CacheHitPartsBenchmark b = new CacheHitPartsBenchmark();
  final CacheHitPartsBenchmark.Parts s = new CacheHitPartsBenchmark.Parts();
  final String mode = System.getProperty("mode");
  public static volatile int sink;

  public PartsLoop() {
    s.alg = System.getProperty("alg", "RS256");
    s.setup();
  }

  public long applyAsLong(long n) {
    int h = 0;
    long t0 = System.nanoTime();
    switch (mode) {
      case "digest": for (long i = 0; i < n; i++) h += b.digest(s).hashCode(); break;
      case "get": for (long i = 0; i < n; i++) h += b.cacheGet(s).hashCode(); break;
      case "bytes": for (long i = 0; i < n; i++) h += b.latin1Bytes(s).length; break;
      default: throw new IllegalArgumentException(mode);
    }
    long t = System.nanoTime() - t0;
    sink += h;
    return t;
  }
}
