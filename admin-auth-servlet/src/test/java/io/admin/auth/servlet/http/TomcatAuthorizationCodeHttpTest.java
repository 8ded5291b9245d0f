package io.admin.auth.servlet.http;

/** The authorization_code grant at the token endpoint on embedded Tomcat 11. */
class TomcatAuthorizationCodeHttpTest extends AbstractAuthorizationCodeHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
