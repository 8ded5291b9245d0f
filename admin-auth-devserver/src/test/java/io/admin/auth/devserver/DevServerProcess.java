package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev server as a child process, started exactly as the README says ({@code ./dev-server.sh},
 * here with {@code --no-build} because Maven has just built the jar), with its standard output
 * read line by line.
 */
final class DevServerProcess implements AutoCloseable {

  private static final Pattern BASE = Pattern.compile("^admin-auth dev server on (http://\\S+)$");
  private static final Pattern CURL_BODY = Pattern.compile("^\\s*curl .* -d '(\\{.*\\})'$");
  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private DevServerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::pump, "dev-server-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code dev-server.sh --no-build} with {@code args} and a clean ADMIN_AUTH_* environment. */
  static DevServerProcess start(Map<String, String> env, String... args) throws IOException {
    assumeAfterPackage();
    Path root = Path.of(System.getProperty("devServer.repoRoot", "..")).toAbsolutePath().normalize();
    Path jar = Path.of(System.getProperty("devServer.jar",
        root.resolve("admin-auth-devserver/target/admin-auth-dev-server.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      fail("no " + jar + ": process tests run in `mvn verify` (after package), not `mvn test`");
    }
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("dev-server.sh").toString(),
        "--no-build"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ADMIN_AUTH_"));
    pb.environment().putAll(env);
    // The same JDK that runs the build, as `mvn` users get through JAVA_HOME.
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path stderr = Path.of("target", "dev-server-process-stderr.log");
    Files.createDirectories(stderr.getParent());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
    return new DevServerProcess(pb.start());
  }

  /**
   * Skips the calling test unless it runs in the integration-test execution; tests call it before
   * preparing anything costly for the process (a database, say).
   */
  static void assumeAfterPackage() {
    // Under -Dtest=... surefire's test phase runs process tests too, before package: the jar is
    // missing or stale there, so only the integration-test execution (which sets the flag) may
    // judge it.
    Assumptions.assumeTrue(Boolean.getBoolean("devServer.afterPackage"),
        "process tests run in the integration-test phase of mvn verify");
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        seen.add(line);
        lines.add(line);
      }
    } catch (IOException e) {
      // the process went away; EOF below tells the waiter
    }
    lines.add(EOF);
  }

  /** Waits for the {@code ready} line; fails with everything printed so far otherwise. */
  void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if ("ready".equals(line)) {
        return;
      }
      if (EOF.equals(line)) {
        fail("dev server exited before ready; it printed: " + seen + " (stderr in target/)");
      }
    }
    fail("no ready line within 90 s; printed so far: " + seen);
  }

  /** The base URL from the banner's first line. */
  URI baseUri() {
    return URI.create(find(BASE, "the 'dev server on' line"));
  }

  /** The JSON body of the printed token curl. */
  String tokenCurlBody() {
    return find(CURL_BODY, "the token curl");
  }

  /** Every line printed so far. */
  List<String> output() {
    return List.copyOf(seen);
  }

  /** Sends SIGTERM and waits for the exit status. */
  int terminate() throws InterruptedException {
    // ProcessHandle.destroy() is SIGTERM on Linux, like Process.destroy(), but unlike it does not
    // close our end of stdout, so what the server prints while stopping is still read.
    assertTrue(process.toHandle().destroy(), "SIGTERM not delivered");
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dev server still running 60 s after SIGTERM");
    return process.exitValue();
  }

  /**
   * Sends SIGKILL (a hard stop: no shutdown hook, no flush, no clean close of the stores) and
   * waits for the exit status, which the JVM reports as 128 + 9 for a child killed by signal 9.
   */
  int kill() throws InterruptedException {
    assertTrue(process.toHandle().destroyForcibly(), "SIGKILL not delivered");
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "dev server still running 30 s after SIGKILL");
    return process.exitValue();
  }

  /** Waits for a process that should exit on its own. */
  int awaitExit() throws InterruptedException {
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dev server did not exit");
    return process.exitValue();
  }

  /** Waits until the output reader has seen the end of the stream, so {@link #output()} is complete. */
  void drain() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (EOF.equals(lines.poll(1, TimeUnit.SECONDS))) {
        return;
      }
    }
  }

  private String find(Pattern p, String what) {
    for (String line : seen) {
      Matcher m = p.matcher(line);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return fail("no " + what + " in the output: " + seen);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
