package io.admin.auth.servlet.http;

/** Browser sessions in HTTP-only cookies on embedded Jetty 12 (ee10). */
class JettyBrowserSessionHttpTest extends AbstractBrowserSessionHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
