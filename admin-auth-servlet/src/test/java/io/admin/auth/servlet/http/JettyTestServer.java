package io.admin.auth.servlet.http;

import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10, Servlet 6.0) on port 0. */
final class JettyTestServer implements TestServer {

  private final Server server;
  private final ServerConnector connector;
  private final String contextPath;

  private JettyTestServer(Server server, ServerConnector connector, String contextPath) {
    this.server = server;
    this.connector = connector;
    this.contextPath = contextPath;
  }

  static TestServer start(String contextPath, ServletContainerInitializer app) throws Exception {
    return start("127.0.0.1", contextPath, app);
  }

  static TestServer start(String host, String contextPath, ServletContainerInitializer app)
      throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(contextPath.isEmpty() ? "/" : contextPath);
    context.addServletContainerInitializer(app);
    server.setHandler(context);
    server.start();
    return new JettyTestServer(server, connector, contextPath);
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public URI base() {
    return URI.create("http://127.0.0.1:" + port() + contextPath);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
