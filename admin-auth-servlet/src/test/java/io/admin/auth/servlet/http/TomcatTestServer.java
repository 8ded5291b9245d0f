package io.admin.auth.servlet.http;

import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat 11 (Servlet 6.1) on port 0 with a temporary base directory. */
final class TomcatTestServer implements TestServer {

  private final Tomcat tomcat;
  private final Path baseDir;
  private final String contextPath;

  private TomcatTestServer(Tomcat tomcat, Path baseDir, String contextPath) {
    this.tomcat = tomcat;
    this.baseDir = baseDir;
    this.contextPath = contextPath;
  }

  static TestServer start(String contextPath, ServletContainerInitializer app) throws Exception {
    return start("127.0.0.1", contextPath, app);
  }

  static TestServer start(String host, String contextPath, ServletContainerInitializer app)
      throws Exception {
    Path baseDir = Files.createTempDirectory("admin-auth-tomcat");
    Path docBase = Files.createDirectories(baseDir.resolve("docbase"));
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setHostname("localhost");
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", host);
    Context context = tomcat.addContext(contextPath, docBase.toString());
    context.addServletContainerInitializer(app, null);
    tomcat.start();
    if (!context.getState().isAvailable()) {
      tomcat.stop();
      tomcat.destroy();
      throw new IllegalStateException("context failed to start");
    }
    return new TomcatTestServer(tomcat, baseDir, contextPath);
  }

  @Override
  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  @Override
  public URI base() {
    return URI.create("http://127.0.0.1:" + port() + contextPath);
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    try (Stream<Path> files = Files.walk(baseDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
