package io.admin.auth.servlet.http;

/** The authorization request's checks on embedded Jetty 12 (ee10). */
class JettyAuthorizeRequestHttpTest extends AbstractAuthorizeRequestHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
