package io.admin.auth.servlet.http;

/** HTTPS enforcement on embedded Jetty 12 (ee10). */
class JettyTransportHttpTest extends AbstractTransportHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
