package io.admin.auth.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, end to end: {@code ./dev-server.sh} as a separate process (the shaded
 * jar that {@code package} built), waiting for {@code ready}, the product guide's flow over HTTP,
 * then SIGTERM. Runs in the integration-test phase of {@code mvn verify}.
 */
class DevServerProcessTest {

  @Test
  void devServerWhenSigtermThenStopsAndExitsWithZero() throws Exception {
    try (DevServerProcess server = DevServerProcess.start(Map.of(), "--port", "0",
        "--store", "memory")) {
      server.awaitReady();
      URI base = server.baseUri();

      int status = server.terminate();
      server.drain();

      assertEquals(0, status, () -> "exit status; output: " + server.output());
      assertEquals("stopped", server.output().get(server.output().size() - 1));
      assertThrows(ConnectException.class, () -> connect(base));
    }
  }

  @Test
  void devServerWhenSettingInvalidThenExitsWithTwoNamingIt() throws Exception {
    try (DevServerProcess server = DevServerProcess.start(Map.of("ADMIN_AUTH_ACCESS_TTL", "PT2H"))) {
      assertEquals(2, server.awaitExit());
      server.drain();
      assertTrue(server.output().isEmpty(), () -> "nothing on stdout: " + server.output());
    }
  }

  private static void connect(URI base) throws IOException {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.getOutputStream().write(0);
    }
  }
}
