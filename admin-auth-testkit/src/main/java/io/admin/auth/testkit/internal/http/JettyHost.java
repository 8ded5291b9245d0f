package io.admin.auth.testkit.internal.http;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 (ee10) for the mock authorization server and the dev server: binds first,
 * so that with port 0 the real port is known before the issuer URL is built, then starts one
 * servlet context at {@code /} configured the way an application would (a container initializer).
 * Every error Jetty answers by itself is written in the contract's JSON error shape.
 *
 * <p>Internal: public only so that the {@code admin-auth-devserver} module can share it.
 */
public final class JettyHost implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;

  private JettyHost(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Binds {@code host:port} (host {@code null} for every interface; port 0 for a free one).
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static JettyHost bind(String host, int port) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setStopTimeout(5_000);
    server.setErrorHandler(new JsonErrorHandler.ServerLevel());
    try {
      connector.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JettyHost(server, connector);
  }

  /** The bound port. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The bound address and port; the wildcard address when bound to every interface. */
  public InetSocketAddress address() {
    try {
      return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport())
          .getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the server with a context that {@code init} fills during initialization.
   *
   * @throws IllegalStateException when Jetty does not start (the server is stopped again)
   */
  public void start(Consumer<ServletContext> init) {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServletContainerInitializer((classes, ctx) -> init.accept(ctx));
    context.setErrorHandler(new JsonErrorHandler());
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new IllegalStateException("Jetty did not start", e);
    }
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  /** Stops Jetty; idempotent. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop cleanly", e);
    } finally {
      // Opened by hand in bind(): a server that never started would not close it.
      connector.close();
    }
  }
}
