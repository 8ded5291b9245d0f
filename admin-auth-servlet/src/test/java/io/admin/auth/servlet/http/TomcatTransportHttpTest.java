package io.admin.auth.servlet.http;

/** HTTPS enforcement on embedded Tomcat 11. */
class TomcatTransportHttpTest extends AbstractTransportHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
