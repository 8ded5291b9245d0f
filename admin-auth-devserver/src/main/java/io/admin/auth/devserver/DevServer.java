package io.admin.auth.devserver;

import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.signin.SignInPaths;
import io.admin.auth.testkit.internal.http.JettyHost;
import io.admin.auth.testkit.internal.http.MeServlet;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The runnable dev server of docs/http-contract.md: the servlet module on embedded Jetty 12 (ee10)
 * with the demo resources {@code /api/v3/users} and {@code /api/v3/me}, a seeded demo client, and
 * signing people in: the demo user on the default login page, for the seeded sign-in clients
 * {@code demo-spa} and {@code demo-partner}.
 * Start it with {@code ./dev-server.sh} at the repository root, or in a test with
 * {@link #start(DevServerConfig, PrintStream)} (port 0 picks a free port).
 *
 * <p>Not for production: it prints the demo credentials it generates.
 */
public final class DevServer implements AutoCloseable {

  /** Exit status for an invalid setting. */
  public static final int EXIT_INVALID_CONFIG = 2;
  /** Exit status when the server could not start (e.g. the port is taken). */
  public static final int EXIT_START_FAILED = 1;
  /** The demo client's scopes (docs/http-contract.md). */
  public static final Set<String> DEMO_CLIENT_SCOPES =
      Set.of("users:read", "users:write", "api-keys:manage");
  /** The demo Basic user's scopes (docs/http-contract.md). */
  public static final Set<String> DEMO_USER_SCOPES = Set.of("users:read");

  private final JettyHost host;
  private final String listenHost;
  private final DevCredentials credentials;
  private final String issuer;
  private final DevServerBanner banner;
  private final ScheduledExecutorService maintenance;
  private final DevStorage storage;

  private DevServer(JettyHost host, String listenHost, DevCredentials credentials, String issuer,
      DevServerBanner banner, ScheduledExecutorService maintenance, DevStorage storage) {
    this.host = host;
    this.listenHost = listenHost;
    this.credentials = credentials;
    this.issuer = issuer;
    this.banner = banner;
    this.maintenance = maintenance;
    this.storage = storage;
  }

  /**
   * Starts the server with the stores this build provides and prints the banner (endpoints, demo
   * credentials, a curl for the token request, then {@code ready}) to {@code out}.
   *
   * @throws DevServerStartException if a setting cannot be served, the port cannot be bound, or
   *     Jetty does not start
   */
  public static DevServer start(DevServerConfig config, PrintStream out) {
    Objects.requireNonNull(out, "out");
    DevServer server = start(config, DevStorage.standard(Map.of(), config.dataDir()));
    server.banner.print(out);
    return server;
  }

  /**
   * Starts the server on the stores {@code storage} opens, without printing.
   *
   * @throws DevServerStartException as {@link #start(DevServerConfig, PrintStream)}
   */
  public static DevServer start(DevServerConfig config, DevStorage.Provider storage) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(storage, "storage");
    DevStorage stores;
    try {
      stores = storage.open(config.store());
    } catch (IllegalArgumentException e) {
      throw DevServerStartException.unsupported("ADMIN_AUTH_STORE: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new DevServerStartException("could not open the store (" + config.store().describe()
          + "): " + rootMessage(e), e);
    }
    SecureRandom random = new SecureRandom();
    DevCredentials credentials = DevCredentials.from(config, new RandomTokens(random));
    JettyHost host;
    try {
      host = JettyHost.bind(config.host(), config.port());
    } catch (RuntimeException e) {
      // A taken port is an I/O error; a host name that does not resolve is an unchecked one.
      stores.onClose().run();
      throw new DevServerStartException("could not listen on port " + config.port() + " of "
          + config.host() + " (" + rootMessage(e) + "); choose another with --port or"
          + " ADMIN_AUTH_PORT, or another address with --host or ADMIN_AUTH_HOST", e);
    }
    String issuer = config.issuerFor(host.port());
    ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "admin-auth-dev-maintenance");
      t.setDaemon(true);
      return t;
    });
    try {
      DemoSignIn demo = new DemoSignIn(config.signInClients(), credentials, host.port());
      AdminAuth auth = DevServerWiring.adminAuth(config, issuer, config.audienceFor(host.port()),
          stores, credentials, random, maintenance, demo);
      host.start(ctx -> {
        auth.register(ctx);
        ctx.addServlet("demo-users", new DemoUsersServlet()).addMapping("/api/v3/users");
        ctx.addServlet("demo-me", new MeServlet()).addMapping("/api/v3/me");
        ctx.addServlet("demo-page", new DemoPageServlet()).addMapping("/demo/*");
      });
      String base = baseUri(config.host(), host.port()).toString();
      DevServerBanner banner = new DevServerBanner(base, issuer, config.audienceFor(host.port()),
          config.store().describe(), notices(config, stores), credentials,
          endpoints(auth), auth.paths().token(),
          config.trustedIssuers().stream().map(URI::toString).toList(), true,
          demo.bannerLines(base, SignInPaths.defaults(), auth.paths().token(),
              new RandomTokens(random)));
      return new DevServer(host, config.host(), credentials, issuer, banner, maintenance,
          stores);
    } catch (RuntimeException e) {
      maintenance.shutdownNow();
      host.close();
      stores.onClose().run();
      throw new DevServerStartException("could not start: " + rootMessage(e), e);
    }
  }

  private static List<DevServerBanner.Endpoint> endpoints(AdminAuth auth) {
    List<DevServerBanner.Endpoint> all = new ArrayList<>(DevServerWiring.endpoints(auth.paths()));
    all.addAll(DevServerWiring.signInEndpoints(SignInPaths.defaults()));
    return all;
  }

  /** The store's notices, and one when the limits are relaxed, which a shared server must not be. */
  private static List<String> notices(DevServerConfig config, DevStorage stores) {
    List<String> out = new ArrayList<>(stores.notices());
    if (config.rateLimits().allOff()) {
      out.add("rate limits and brute-force throttles are off (ADMIN_AUTH_RATE_LIMITS=off)");
    } else if (!config.rateLimits().overrides().isEmpty()) {
      out.add("rate limits changed: " + config.rateLimits().describe());
    }
    return out;
  }

  /** The bound port (the real one when the configuration asked for 0). */
  public int port() {
    return host.port();
  }

  /**
   * Where to send requests: {@code http://localhost:<port>}, or the configured host when the
   * server listens on one address that is not loopback.
   */
  public URI baseUri() {
    return baseUri(listenHost, host.port());
  }

  /** The address the server listens on; the wildcard address when on every interface. */
  public InetSocketAddress listenAddress() {
    return host.address();
  }

  private static URI baseUri(String listenHost, int port) {
    String h = listenHost;
    if (h.equals("localhost") || h.startsWith("127.") || h.equals("0.0.0.0")
        || h.equals("::") || h.equals("::1")) {
      h = "localhost";
    } else if (h.indexOf(':') >= 0) {
      h = "[" + h + "]";
    }
    return URI.create("http://" + h + ":" + port);
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
    host.join();
  }

  /** Stops Jetty, the maintenance task and the stores; idempotent. */
  @Override
  public void close() {
    maintenance.shutdownNow();
    try {
      host.close();
    } finally {
      storage.onClose().run();
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
      DevServerConfig config = ((ConfigResult.Valid) result).config();
      server = start(config, DevStorage.standard(env, config.dataDir()));
    } catch (DevServerStartException e) {
      err.println("admin-auth dev server: " + e.getMessage());
      return e.exitStatus();
    }
    // Before "ready": whoever waits for that line may send SIGTERM the moment it appears.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(server, out, err),
        "admin-auth-dev-server-shutdown"));
    server.banner.print(out);
    return -1;
  }

  /**
   * Runs on SIGTERM / SIGINT. The JVM reports 128+signal (143) for a SIGTERM even when every hook
   * finishes, which supervisors and the README's test read as a crash; after a clean stop the
   * process ends with 0 instead. Registered only once the server has started, so an invalid
   * setting still exits with 2.
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
    // Jetty's and Hikari's INFO lines would bury the banner; -D on the command line still wins.
    for (String logger : List.of("org.eclipse.jetty", "com.zaxxer.hikari")) {
      String property = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(property) == null) {
        System.setProperty(property, "warn");
      }
    }
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
