package io.admin.auth.it;

import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.it.webapp.HelloServlet;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Assembles the sample WAR from what the build made: the admin-auth jars (or, when Maven stopped
 * before packaging, their class folders, jarred here), their runtime libraries, the sample servlet,
 * {@code web.xml} (the explicit listener) and {@code /WEB-INF/admin-auth.properties}, which holds
 * no secret: every secret is a {@code ${jndi:...}} reference the container resolves.
 */
final class WarBuilder {

  static final String PROPERTIES = String.join("\n",
      "admin.auth.issuer=https://it.example.test",
      "admin.auth.store.datasource=jdbc/adminAuth",
      "admin.auth.store.kek=${jndi:java:comp/env/admin-auth/kek}",
      "admin.auth.store.revocation-poll-interval=PT1S",
      "admin.auth.token.pepper=${jndi:java:comp/env/admin-auth/token-pepper}",
      "admin.auth.api-keys.enabled=true",
      "admin.auth.api-keys.pepper=${jndi:java:comp/env/admin-auth/api-key-pepper}",
      "admin.auth.client.it-client.secret=${jndi:java:comp/env/admin-auth/client-secret}",
      "admin.auth.client.it-client.scopes=hello:read api-keys:manage",
      "admin.auth.protected-prefixes=/api",
      "admin.auth.rule.10=GET /api/hello hello:read",
      "admin.auth.basic.enabled=true",
      // A hash, not a password: the properties file holds no secret.
      "admin.auth.user." + Flow.BASIC_USER + ".password-hash="
          + PasswordHasher.owasp(new SecureRandom()).hash(Flow.BASIC_PASSWORD),
      "admin.auth.user." + Flow.BASIC_USER + ".scopes=hello:read",
      "");

  private static final String WEB_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
        <context-param>
          <param-name>admin.auth.config</param-name>
          <param-value>/WEB-INF/admin-auth.properties</param-value>
        </context-param>
        <listener>
          <listener-class>io.admin.auth.servlet.config.AdminAuthListener</listener-class>
        </listener>
        <servlet>
          <servlet-name>hello</servlet-name>
          <servlet-class>io.admin.auth.it.webapp.HelloServlet</servlet-class>
        </servlet>
        <servlet-mapping>
          <servlet-name>hello</servlet-name>
          <url-pattern>/api/hello</url-pattern>
          <url-pattern>/public/instance</url-pattern>
        </servlet-mapping>
        <resource-ref>
          <res-ref-name>jdbc/adminAuth</res-ref-name>
          <res-type>javax.sql.DataSource</res-type>
          <res-auth>Container</res-auth>
        </resource-ref>
      </web-app>
      """;

  private static final Pattern ADMIN_AUTH_DIR =
      Pattern.compile(".*[/\\\\](admin-auth-(core|servlet|jdbc))[/\\\\]target[/\\\\]classes[/\\\\]?");
  private static final Pattern LIBRARY_JAR = Pattern.compile(
      "(admin-auth-(core|servlet|jdbc)-[0-9][^/]*(?<!-tests)\\.jar"
          + "|nimbus-jose-jwt-.*\\.jar|bcprov-jdk18on-.*\\.jar|slf4j-(api|simple)-.*\\.jar)");

  private WarBuilder() {}

  /** Writes the WAR to {@code war} and returns it. */
  static Path build(Path war) {
    try {
      Files.createDirectories(war.toAbsolutePath().getParent());
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
        put(zip, "WEB-INF/web.xml", WEB_XML.getBytes(StandardCharsets.UTF_8));
        put(zip, "WEB-INF/admin-auth.properties", PROPERTIES.getBytes(StandardCharsets.UTF_8));
        // INFO, so the scan of the logs for secrets sees everything the library says at start.
        put(zip, "WEB-INF/classes/simplelogger.properties",
            "org.slf4j.simpleLogger.defaultLogLevel=info\n".getBytes(StandardCharsets.UTF_8));
        Path classes = codeSource();
        Path servlet = classes.resolve(HelloServlet.class.getName().replace('.', '/') + ".class");
        put(zip, "WEB-INF/classes/" + classes.relativize(servlet).toString().replace('\\', '/'),
            Files.readAllBytes(servlet));
        List<String> libs = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
          Path p = Path.of(entry);
          var dir = ADMIN_AUTH_DIR.matcher(entry);
          if (dir.matches() && Files.isDirectory(p)) {
            put(zip, "WEB-INF/lib/" + dir.group(1) + ".jar", jarOf(p));
            libs.add(dir.group(1));
          } else if (LIBRARY_JAR.matcher(p.getFileName().toString()).matches()) {
            put(zip, "WEB-INF/lib/" + p.getFileName(), Files.readAllBytes(p));
            libs.add(p.getFileName().toString());
          }
        }
        for (String needed : List.of("admin-auth-core", "admin-auth-servlet", "admin-auth-jdbc",
            "nimbus-jose-jwt", "bcprov", "slf4j-api", "slf4j-simple")) {
          if (libs.stream().noneMatch(l -> l.startsWith(needed))) {
            throw new IllegalStateException(needed + " is not on the test class path: " + libs);
          }
        }
      }
      return war;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path codeSource() {
    try {
      return Path.of(HelloServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  /** A folder of classes and resources as jar bytes. */
  private static byte[] jarOf(Path dir) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (ZipOutputStream jar = new ZipOutputStream(out); Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        put(jar, dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return out.toByteArray();
  }
}
