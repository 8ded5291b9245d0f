package io.admin.auth.servlet.http;

/** HTTP Basic and its throttling on embedded Jetty. */
class JettyBasicHttpTest extends AbstractBasicHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
