package io.admin.auth.servlet.http;

import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;

/** A running embedded container with one application context; closing stops it. */
interface TestServer extends AutoCloseable {

  int port();

  /** {@code http://localhost:<port><contextPath>}. */
  URI base();

  /** Starts a container on port 0 whose context is set up by {@code app}. */
  @FunctionalInterface
  interface Factory {
    TestServer start(String contextPath, ServletContainerInitializer app) throws Exception;
  }

  @Override
  void close() throws Exception;
}
