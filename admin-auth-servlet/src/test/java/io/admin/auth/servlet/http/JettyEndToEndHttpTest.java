package io.admin.auth.servlet.http;

/** Endpoints and filter against the real token service on embedded Jetty 12 (ee10). */
class JettyEndToEndHttpTest extends AbstractEndToEndHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
