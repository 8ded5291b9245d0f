package io.admin.auth.servlet.http;

/** API keys and Basic from properties on embedded Jetty. */
class JettyDeclarativeSchemesHttpTest extends AbstractDeclarativeSchemesHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
