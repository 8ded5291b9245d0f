package io.admin.auth.servlet.http;

/** The metadata document on embedded Tomcat 11. */
class TomcatMetadataHttpTest extends AbstractMetadataHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
