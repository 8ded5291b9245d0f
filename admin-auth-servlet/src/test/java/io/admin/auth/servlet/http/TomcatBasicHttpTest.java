package io.admin.auth.servlet.http;

/** HTTP Basic and its throttling on embedded Tomcat. */
class TomcatBasicHttpTest extends AbstractBasicHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
