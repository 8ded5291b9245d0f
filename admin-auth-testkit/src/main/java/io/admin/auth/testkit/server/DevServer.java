package io.admin.auth.testkit.server;

import io.admin.auth.core.crypto.RandomTokens;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The runnable dev server of contract section 7: the servlet module on embedded Jetty 12 (ee10)
 * with the demo resources {@code /api/v3/users} and {@code /api/v3/me}, a seeded demo client and
 * Basic user. Start it with {@code ./dev-server.sh} at the repository root, or in a test with
 * {@link #start(DevServerConfig, PrintStream)} (port 0 picks a free port).
 *
 * <p>Not for production: it prints the demo credentials it generates.
 */
public final class DevServer implements AutoCloseable {

  /** Exit status for an invalid setting. */
  public static final int EXIT_INVALID_CONFIG = 2;
  /** Exit status when the server could not start (e.g. the port is taken). */
  public static final int EXIT_START_FAILED = 1;
  /** Request attribute under which the filter leaves the authenticated principal. */
  static final String PRINCIPAL_ATTRIBUTE = "io.admin.auth.principal";

  private final Server server;
  private final int port;
  private final DevCredentials credentials;
  private final String issuer;
  private final DevServerConfig config;

  private DevServer(Server server, int port, DevCredentials credentials, String issuer,
      DevServerConfig config) {
    this.server = server;
    this.port = port;
    this.credentials = credentials;
    this.issuer = issuer;
    this.config = config;
  }

  /**
   * Starts the server and prints the banner (endpoints, demo credentials, a curl for the token
   * request, then {@code ready}) to {@code out}.
   *
   * @throws DevServerStartException if the port cannot be bound or Jetty does not start
   */
  public static DevServer start(DevServerConfig config, PrintStream out) {
    Objects.requireNonNull(out, "out");
    DevServer server = startSilently(config);
    server.printBanner(out);
    return server;
  }

  private static DevServer startSilently(DevServerConfig config) {
    Objects.requireNonNull(config, "config");
    SecureRandom random = new SecureRandom();
    DevCredentials credentials = DevCredentials.from(config, new RandomTokens(random));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(config.port());
    server.addConnector(connector);
    try {
      // Bound before anything else is built, so that with port 0 the issuer names the real port.
      connector.open();
    } catch (IOException e) {
      throw new DevServerStartException("could not listen on port " + config.port()
          + " (" + rootMessage(e) + "); choose another with --port or ADMIN_AUTH_PORT", e);
    }
    int port = connector.getLocalPort();
    String issuer = config.issuerFor(port);

    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder("demo-users", new DemoUsersServlet()), "/api/v3/users");
    context.addServlet(new ServletHolder("demo-me", new DemoMeServlet()), "/api/v3/me");
    server.setHandler(context);
    server.setStopTimeout(5_000);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new DevServerStartException("could not start: " + rootMessage(e), e);
    }
    return new DevServer(server, port, credentials, issuer, config);
  }

  /** Prints the start banner, ending with the {@code ready} line. */
  private void printBanner(PrintStream out) {
    List<DevServerBanner.Endpoint> endpoints = List.of(
        new DevServerBanner.Endpoint("GET", "/api/v3/users", "demo resource, scope users:read"),
        new DevServerBanner.Endpoint("POST", "/api/v3/users", "demo resource, scope users:write"),
        new DevServerBanner.Endpoint("GET", "/api/v3/me", "who you are, any authenticated caller"));
    new DevServerBanner(baseUri().toString(), issuer, config.audienceFor(port),
        config.store().describe(), List.of(), credentials, endpoints, "/api/v3/auth/token")
        .print(out);
  }

  /** The bound port (the real one when the configuration asked for 0). */
  public int port() {
    return port;
  }

  /** {@code http://localhost:<port>}: where to send requests. */
  public URI baseUri() {
    return URI.create("http://localhost:" + port);
  }

  /** The {@code iss} of tokens this server issues. */
  public String issuer() {
    return issuer;
  }

  /** The demo client and user this server was seeded with. */
  public DevCredentials credentials() {
    return credentials;
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops accepting connections and stops Jetty; idempotent. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop Jetty cleanly", e);
    }
  }

  /**
   * Command-line entry point: parses flags and {@code ADMIN_AUTH_*} variables, starts, and runs
   * until SIGTERM or Ctrl-C. Exit status 0 after a clean stop, 2 for an invalid setting, 1 when
   * the server could not start; messages, never stack traces, on standard error.
   */
  public static void main(String[] args) {
    quietJettyLogging();
    int status = launch(List.of(args), System.getenv(), System.out, System.err);
    if (status >= 0) {
      System.exit(status);
    }
  }

  /** Starts from arguments; a non-negative result is an exit status, -1 means "running". */
  static int launch(List<String> args, Map<String, String> env, PrintStream out,
      PrintStream err) {
    ConfigResult result = DevServerConfig.parse(args, env);
    if (result instanceof ConfigResult.HelpRequested) {
      out.print(DevServerConfig.usage());
      return 0;
    }
    if (result instanceof ConfigResult.Invalid invalid) {
      err.println("admin-auth dev server: " + invalid.describe());
      err.println("run with --help to list every setting");
      return EXIT_INVALID_CONFIG;
    }
    DevServer server;
    try {
      server = startSilently(((ConfigResult.Valid) result).config());
    } catch (DevServerStartException e) {
      err.println("admin-auth dev server: " + e.getMessage());
      return EXIT_START_FAILED;
    }
    // Before "ready": whoever waits for that line may send SIGTERM the moment it appears.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(server, out, err),
        "admin-auth-dev-server-shutdown"));
    server.printBanner(out);
    return -1;
  }

  /**
   * Runs on SIGTERM / SIGINT. The JVM reports 128+signal (143) for a SIGTERM even when every hook
   * finishes, which supervisors and the README's test read as a crash; after a clean stop the
   * process ends with 0 instead. Runs only once the server has started, so an invalid setting
   * still exits with 2.
   */
  private static void stopOnSignal(DevServer server, PrintStream out, PrintStream err) {
    int status = 0;
    try {
      server.close();
      out.println("stopped");
    } catch (RuntimeException e) {
      err.println("admin-auth dev server: " + e.getMessage() + ": " + rootMessage(e));
      status = 1;
    }
    out.flush();
    err.flush();
    Runtime.getRuntime().halt(status);
  }

  private static void quietJettyLogging() {
    // Jetty's INFO lines would bury the banner; the user can still override on the command line.
    if (System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception ignored) {
      // already failing to start; the start failure is what the user needs to see
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
