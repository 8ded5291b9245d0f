package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where the dev server listens (docs/http-contract.md section 7): on {@code 127.0.0.1} unless
 * {@code ADMIN_AUTH_HOST} / {@code --host} says otherwise, so that the printed demo credentials
 * are not an open door to the network.
 */
class DevServerBindTest {

  private static DevServer start(Map<String, String> env, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--port", "0", "--store", "memory"));
    all.addAll(List.of(args));
    ConfigResult r = DevServerConfig.parse(all, env);
    return DevServer.start(assertInstanceOf(ConfigResult.Valid.class, r, r::toString).config(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  /** An address of this machine that is not loopback, if it has one. */
  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(i -> {
          try {
            return i.isUp() && !i.isLoopback();
          } catch (SocketException e) {
            return false;
          }
        })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()
            && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void startWhenHostUnsetThenReachableOnLoopbackOnly() throws Exception {
    try (DevServer server = start(Map.of())) {
      assertEquals(InetAddress.getByName("127.0.0.1"), server.listenAddress().getAddress());
      assertTrue(accepts(InetAddress.getByName("127.0.0.1"), server.port()));
      Optional<InetAddress> other = nonLoopbackAddress();
      if (other.isPresent()) {
        assertFalse(accepts(other.get(), server.port()),
            "reachable on " + other.get() + ": the dev server must listen on loopback only");
      }
    }
  }

  @Test
  void startWhenHostIsEveryInterfaceThenReachableOnNonLoopbackAddress() throws Exception {
    try (DevServer server = start(Map.of("ADMIN_AUTH_HOST", "0.0.0.0"))) {
      assertTrue(server.listenAddress().getAddress().isAnyLocalAddress(),
          server.listenAddress()::toString);
      assertTrue(accepts(InetAddress.getByName("127.0.0.1"), server.port()));
      Optional<InetAddress> other = nonLoopbackAddress();
      if (other.isPresent()) {
        assertTrue(accepts(other.get(), server.port()), other.get()::toString);
      }
    }
  }

  @Test
  void startWhenHostFlagGivenThenItWinsOverTheVariable() {
    try (DevServer server = start(Map.of("ADMIN_AUTH_HOST", "0.0.0.0"), "--host", "127.0.0.1")) {
      assertTrue(server.listenAddress().getAddress().isLoopbackAddress(),
          server.listenAddress()::toString);
      assertEquals("http://localhost:" + server.port(), server.baseUri().toString());
    }
  }

  @Test
  void launchWhenHostDoesNotResolveThenExitOneNamingTheSetting() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = DevServer.launch(List.of("--port", "0", "--store", "memory", "--host",
            "no-such-host.invalid"), Map.of(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(DevServer.EXIT_START_FAILED, status, message);
    assertTrue(message.startsWith("admin-auth dev server: could not listen on port 0 of"
        + " no-such-host.invalid"), message);
    assertTrue(message.contains("ADMIN_AUTH_HOST"), message);
    assertFalse(message.contains("\tat "), message);
  }

  @Test
  void launchWhenDemoPasswordShorterThan12ThenRefusedNamingTheSetting() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = DevServer.launch(List.of("--port", "0", "--store", "memory"),
        Map.of("ADMIN_AUTH_DEMO_PASSWORD", "elevenchars"),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(DevServer.EXIT_INVALID_CONFIG, status, message);
    assertTrue(message.contains("ADMIN_AUTH_DEMO_PASSWORD"), message);
    assertTrue(message.contains("at least 12 characters"), message);
    assertFalse(message.contains("elevenchars"), message);
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("ready"));
  }
}
