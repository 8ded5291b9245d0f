package io.admin.auth.servlet.http;

/** The default login page on embedded Tomcat 11. */
class TomcatLoginPageHttpTest extends AbstractLoginPageHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
