package io.admin.auth.servlet.http;

/** The filter suite on embedded Jetty 12 (ee10). */
class JettyFilterHttpTest extends AbstractFilterHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
