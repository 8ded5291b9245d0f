import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * Alternates sides in one JVM, each side's jar in its own class loader: per round and side, K batches
 * of N calls; reports the minimum and the 20th percentile of ns per call. args: class rounds jar...
 */
public class Driver {
  public static void main(String[] a) throws Exception {
    String cls = a[0];
    int rounds = Integer.parseInt(a[1]);
    int sides = a.length - 2;
    LongUnaryOperator[] ops = new LongUnaryOperator[sides];
    URL harness = new File("/tmp/hitloop/classes/").toURI().toURL();
    for (int i = 0; i < sides; i++) {
      URLClassLoader l = new URLClassLoader(new URL[] {harness, new File(a[i + 2]).toURI().toURL()},
          ClassLoader.getPlatformClassLoader());
      ops[i] = (LongUnaryOperator) l.loadClass(cls).getConstructor().newInstance();
    }
    int n = Integer.getInteger("n", 2000);
    int k = Integer.getInteger("k", 200);
    for (int w = 0; w < 5; w++) for (LongUnaryOperator op : ops) for (int j = 0; j < k; j++) op.applyAsLong(n);
    for (int r = 1; r <= rounds; r++) {
      StringBuilder line = new StringBuilder("round " + r);
      double[] p20 = new double[sides];
      for (int i = 0; i < sides; i++) {
        double[] t = new double[k];
        for (int j = 0; j < k; j++) t[j] = op(ops[i], n) / (double) n;
        Arrays.sort(t);
        p20[i] = t[k / 5];
        line.append(String.format("  side%d min %.1f p20 %.1f med %.1f", i, t[0], t[k / 5], t[k / 2]));
      }
      if (sides == 2) line.append(String.format("  ratio(p20) %.2f", p20[1] / p20[0]));
      System.out.println(line);
    }
  }

  static long op(LongUnaryOperator o, int n) { return o.applyAsLong(n); }
}
