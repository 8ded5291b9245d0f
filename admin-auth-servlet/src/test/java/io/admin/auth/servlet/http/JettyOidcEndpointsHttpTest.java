package io.admin.auth.servlet.http;

/** UserInfo and RP-initiated logout on embedded Jetty 12 (ee10). */
class JettyOidcEndpointsHttpTest extends AbstractOidcEndpointsHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
