package io.admin.auth.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One standalone Tomcat, as an operator runs it: the unpacked distribution ({@code CATALINA_HOME},
 * shared) and a base of its own ({@code CATALINA_BASE}: conf, lib with the PostgreSQL driver,
 * webapps with the WAR, logs), started as a separate process with {@code bin/catalina.sh run} and
 * a small heap. The DataSource and the secrets are declared in {@code conf/context.xml}, as
 * {@code <Resource>} and {@code <Environment>} entries.
 */
final class TomcatNode implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  private final Path home;
  private final Path base;
  private final int port;
  private Process process;

  /**
   * Lays out the base.
   *
   * @param jdbcUrl the database the {@code jdbc/adminAuth} DataSource points at
   */
  TomcatNode(Path base, String jdbcUrl, Secrets secrets, Path war, Path driverJar) {
    this.home = Path.of(System.getProperty("tomcat.home"));
    this.base = base;
    this.port = freePort();
    try {
      if (!Files.isRegularFile(home.resolve("bin/catalina.sh"))) {
        throw new IllegalStateException("no Tomcat distribution at " + home
            + " (unpacked by maven-dependency-plugin in generate-test-resources)");
      }
      for (String dir : new String[] {"conf", "lib", "logs", "temp", "work", "webapps"}) {
        Files.createDirectories(base.resolve(dir));
      }
      try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
        for (Path f : conf.filter(Files::isRegularFile).toList()) {
          Files.copy(f, base.resolve("conf").resolve(f.getFileName()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.writeString(base.resolve("conf/server.xml"), serverXml(), StandardCharsets.UTF_8);
      Files.writeString(base.resolve("conf/context.xml"), contextXml(jdbcUrl, secrets),
          StandardCharsets.UTF_8);
      Files.copy(driverJar, base.resolve("lib").resolve(driverJar.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      Files.copy(war, war(), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application's root URL on this node. */
  String url() {
    return "http://127.0.0.1:" + port + "/app";
  }

  /** The deployed WAR file in {@code webapps/}. */
  Path war() {
    return base.resolve("webapps/app.war");
  }

  /** Starts the process and waits until the application answers. */
  void start(Flow flow) {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", home.resolve("bin/catalina.sh").toString(),
        "run");
    Map<String, String> env = pb.environment();
    env.remove("JRE_HOME");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("CATALINA_HOME", home.toString());
    env.put("CATALINA_BASE", base.toString());
    env.put("CATALINA_TMPDIR", base.resolve("temp").toString());
    env.put("CATALINA_OPTS", "-Xms32m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("logs/console.log").toFile()));
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitInstance(flow, "");
  }

  /**
   * Waits until the application answers with a deployment id other than {@code previous}.
   *
   * @return the new id
   */
  String awaitInstance(Flow flow, String previous) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (process == null || !process.isAlive()) {
        throw new AssertionError("Tomcat exited:\n" + tail());
      }
      String id = flow.instance(url());
      if (!id.isEmpty() && !id.equals(previous)) {
        return id;
      }
      sleep(250);
    }
    throw new AssertionError("the application did not come up within " + START_TIMEOUT + ":\n"
        + tail());
  }

  /** Tomcat's own redeploy: the WAR's modification time changes, the host redeploys it. */
  void touchWar() {
    try {
      Files.setLastModifiedTime(war(), FileTime.from(Instant.now().plusSeconds(2)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the process as an operator would (SIGTERM: Tomcat's shutdown hook stops cleanly). */
  void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /** Every line Tomcat and the application logged so far, from every file under {@code logs/}. */
  String logs() {
    try (Stream<Path> files = Files.list(base.resolve("logs"))) {
      return files.filter(Files::isRegularFile).sorted().map(f -> {
        try {
          return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private String tail() {
    String all = logs();
    return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
  }

  private String serverXml() {
    // No shutdown port (-1): the process is stopped by signal; one connector on loopback; the
    // host looks for changed WARs every second so a redeploy is seen quickly.
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Server port="-1" shutdown="SHUTDOWN">
          <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
          <Service name="Catalina">
            <Connector port="%d" address="127.0.0.1" protocol="HTTP/1.1" connectionTimeout="20000"/>
            <Engine name="Catalina" defaultHost="localhost" backgroundProcessorDelay="1">
              <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true"/>
            </Engine>
          </Service>
        </Server>
        """.formatted(port);
  }

  private static String contextXml(String jdbcUrl, Secrets secrets) {
    StringBuilder env = new StringBuilder();
    secrets.entries().forEach((name, value) -> env.append("  <Environment name=\"").append(name)
        .append("\" type=\"java.lang.String\" value=\"").append(value)
        .append("\" override=\"false\"/>\n"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Context>
          <WatchedResource>WEB-INF/web.xml</WatchedResource>
          <Resource name="jdbc/adminAuth" auth="Container" type="javax.sql.DataSource"
                    driverClassName="org.postgresql.Driver" url="%s"
                    username="postgres" maxTotal="8" maxIdle="4" maxWaitMillis="10000"/>
        %s</Context>
        """.formatted(jdbcUrl.replace("&", "&amp;"), env);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
