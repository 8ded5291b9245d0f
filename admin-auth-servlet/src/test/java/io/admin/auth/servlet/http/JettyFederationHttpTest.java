package io.admin.auth.servlet.http;

/** Third-party tokens through the filter on embedded Jetty 12 (ee10). */
class JettyFederationHttpTest extends AbstractFederationHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
