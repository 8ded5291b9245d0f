package io.admin.auth.servlet.http;

/** The authorization_code grant at the token endpoint on embedded Jetty 12 (ee10). */
class JettyAuthorizationCodeHttpTest extends AbstractAuthorizationCodeHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
