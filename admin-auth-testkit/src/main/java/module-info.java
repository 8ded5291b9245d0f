/**
 * admin-auth testkit: test tokens signed by a throwaway key, a JUnit extension that hands them to
 * tests, a mock authorization server on a live port, and a sign-in driver that signs a person in
 * without a browser. Packages named {@code internal} are shared
 * with the dev server only and are not API.
 */
module io.admin.auth.testkit {
  requires transitive io.admin.auth.servlet;
  requires transitive org.junit.jupiter.api;
  requires org.eclipse.jetty.ee10.servlet;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.util;

  exports io.admin.auth.testkit;
  exports io.admin.auth.testkit.junit;
  exports io.admin.auth.testkit.server;
  exports io.admin.auth.testkit.signin;

  exports io.admin.auth.testkit.internal.http to
      io.admin.auth.devserver;
}
