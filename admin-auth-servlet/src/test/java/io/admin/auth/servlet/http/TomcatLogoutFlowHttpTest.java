package io.admin.auth.servlet.http;

/** Logout after a real sign-in on embedded Tomcat 11. */
class TomcatLogoutFlowHttpTest extends AbstractLogoutFlowHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
