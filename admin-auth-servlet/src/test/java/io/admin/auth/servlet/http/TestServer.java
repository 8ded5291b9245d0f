package io.admin.auth.servlet.http;

import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;

/** A running embedded container with one application context; closing stops it. */
interface TestServer {

  int port();

  /** {@code http://localhost:<port><contextPath>}. */
  URI base();

  /** Starts a container on port 0 whose context is set up by {@code app}. */
  interface Factory {
    TestServer start(String host, String contextPath, ServletContainerInitializer app)
        throws Exception;

    default TestServer start(String contextPath, ServletContainerInitializer app)
        throws Exception {
      return start("127.0.0.1", contextPath, app);
    }
  }

  void close() throws Exception;
}
