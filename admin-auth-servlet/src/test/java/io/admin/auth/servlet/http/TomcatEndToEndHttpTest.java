package io.admin.auth.servlet.http;

/** Endpoints and filter against the real token service on embedded Tomcat 11. */
class TomcatEndToEndHttpTest extends AbstractEndToEndHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
