package io.admin.auth.servlet.http;

/** The interactive sign-in on embedded Tomcat 11. */
class TomcatSignInFlowHttpTest extends AbstractSignInFlowHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
