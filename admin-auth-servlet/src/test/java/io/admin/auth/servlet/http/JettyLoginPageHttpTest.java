package io.admin.auth.servlet.http;

/** The default login page on embedded Jetty 12 (ee10). */
class JettyLoginPageHttpTest extends AbstractLoginPageHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
