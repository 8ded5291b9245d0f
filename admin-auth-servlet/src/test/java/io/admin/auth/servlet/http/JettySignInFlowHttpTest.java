package io.admin.auth.servlet.http;

/** The interactive sign-in on embedded Jetty 12 (ee10). */
class JettySignInFlowHttpTest extends AbstractSignInFlowHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
