package io.admin.auth.servlet.http;

/** Logout after a real sign-in on embedded Jetty 12 (ee10). */
class JettyLogoutFlowHttpTest extends AbstractLogoutFlowHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
