package io.admin.auth.servlet.http;

/** The authorization request's checks on embedded Tomcat 11. */
class TomcatAuthorizeRequestHttpTest extends AbstractAuthorizeRequestHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
