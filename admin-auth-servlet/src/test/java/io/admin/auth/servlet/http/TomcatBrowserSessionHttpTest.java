package io.admin.auth.servlet.http;

/** Browser sessions in HTTP-only cookies on embedded Tomcat 11. */
class TomcatBrowserSessionHttpTest extends AbstractBrowserSessionHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
