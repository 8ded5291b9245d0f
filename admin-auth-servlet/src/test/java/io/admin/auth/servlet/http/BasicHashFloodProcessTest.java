package io.admin.auth.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A flood of concurrent Basic attempts for unknown users from one address (docs/http-contract.md
 * section 5) against a real Jetty in a child JVM with a 512 MiB heap, on the real Argon2id
 * parameters of 19 MiB per hash. Without a bound on concurrent hashes each attempt allocates its
 * own 19 MiB and the heap runs out; with it the server keeps answering: afterwards a valid
 * login from another address succeeds and the child never reported an OutOfMemoryError.
 */
class BasicHashFloodProcessTest {

  private static final int ATTEMPTS = 300;

  @Test
  void basicWhen300ConcurrentUnknownUserAttemptsThenServerStaysUpAndAValidLoginSucceeds()
      throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), BasicFloodServerMain.class.getName())
        .redirectErrorStream(true).start();
    StringBuffer output = new StringBuffer();
    CountDownLatch listening = new CountDownLatch(1);
    int[] port = {0};
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          output.append(line).append('\n');
          if (line.startsWith("port=")) {
            port[0] = Integer.parseInt(line.substring(5).trim());
            listening.countDown();
          }
        }
      } catch (Exception e) {
        output.append("reader: ").append(e).append('\n');
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      assertTrue(listening.await(120, TimeUnit.SECONDS), "child did not start:\n" + output);
      Map<String, Integer> answers = flood(port[0]);
      Http.RawResponse valid;
      try {
        valid = Http.getFrom("127.0.0.2", port[0], "/api/v3/me", "Authorization",
            basic(BasicFloodServerMain.USER, BasicFloodServerMain.PASSWORD));
      } catch (java.io.IOException e) {
        throw new AssertionError("no answer to a valid login after the flood (" + e + "); answers "
            + answers + "; child output:\n" + tail(output), e);
      }
      assertEquals(200, valid.status(), "valid login after the flood; answers " + answers
          + "\n" + tail(output));
      assertTrue(child.isAlive(), tail(output));
      assertFalse(output.toString().contains("OutOfMemoryError"), tail(output));
      assertEquals(ATTEMPTS, answers.entrySet().stream()
          .filter(e -> Set.of("401", "429", "503").contains(e.getKey()))
          .mapToInt(Map.Entry::getValue).sum(), "every attempt refused cleanly: " + answers);
    } finally {
      child.getOutputStream().close();
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    }
  }

  /** Fires every attempt at once; the count of each status (or failure) seen. */
  private static Map<String, Integer> flood(int port) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    List<CompletableFuture<String>> pending = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      HttpRequest request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/api/v3/me"))
          .timeout(Duration.ofSeconds(120))
          .header("Authorization", basic("ghost-" + i, "guess-" + i)).GET().build();
      pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .handle((r, e) -> e == null ? Integer.toString(r.statusCode())
              : e.getClass().getSimpleName()));
    }
    Map<String, Integer> counts = new TreeMap<>();
    pending.forEach(f -> counts.merge(f.join(), 1, Integer::sum));
    return counts;
  }

  /** The end of the child's output, with how often it reported running out of heap. */
  private static String tail(StringBuffer output) {
    String all = output.toString();
    int ooms = all.split("OutOfMemoryError", -1).length - 1;
    return "[" + ooms + " OutOfMemoryError mentions]\n"
        + all.substring(Math.max(0, all.length() - 3000));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
