package io.admin.auth.servlet.config;

import io.admin.auth.core.config.ReferenceSource;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@code ${jndi:java:comp/env/NAME}} references: string {@code env-entry}s of the container (a
 * {@code <Environment>} in Tomcat's {@code context.xml}, an {@code <env-entry>} in {@code
 * web.xml} or Jetty's {@code jetty-env.xml}), so that a secret is set by whoever runs the
 * container rather than written into the application.
 */
final class JndiReferenceSource implements ReferenceSource {

  /** The scheme of these references. */
  static final String SCHEME = "jndi";

  @Override
  public Optional<String> lookup(String name) {
    try {
      return new InitialContext().lookup(name) instanceof String s ? Optional.of(s) : Optional.empty();
    } catch (NamingException | RuntimeException e) {
      // Outside a container there is no naming context at all: no value, as for an unbound name.
      return Optional.empty();
    }
  }

  @Override
  public String describe() {
    return "JNDI entry";
  }
}
