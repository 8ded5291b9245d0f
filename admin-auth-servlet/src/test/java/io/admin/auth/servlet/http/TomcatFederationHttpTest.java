package io.admin.auth.servlet.http;

/** Third-party tokens through the filter on embedded Tomcat 11. */
class TomcatFederationHttpTest extends AbstractFederationHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
