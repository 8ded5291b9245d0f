package io.admin.auth.servlet.http;

/** The metadata document on embedded Jetty 12 (ee10). */
class JettyMetadataHttpTest extends AbstractMetadataHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
