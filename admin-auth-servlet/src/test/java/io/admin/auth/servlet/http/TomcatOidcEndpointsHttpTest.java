package io.admin.auth.servlet.http;

/** UserInfo and RP-initiated logout on embedded Tomcat 11. */
class TomcatOidcEndpointsHttpTest extends AbstractOidcEndpointsHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
