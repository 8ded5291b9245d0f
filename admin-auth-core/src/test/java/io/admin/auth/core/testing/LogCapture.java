package io.admin.auth.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what slf4j-simple (the test binding, which writes to the current {@code System.err})
 * logs while a block runs. Not thread-safe across tests; this module's tests run sequentially.
 */
public final class LogCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  /** Starts capturing. */
  public LogCapture() {
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  /** The captured lines that contain {@code text}. */
  public List<String> linesContaining(String text) {
    return buffer.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(text)).toList();
  }

  /** Stops capturing. */
  @Override
  public void close() {
    System.setErr(original);
  }
}
