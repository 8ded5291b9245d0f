package io.admin.auth.servlet.http;

/** The login hook and the container adapter on embedded Jetty 12 (ee10). */
class JettyLoginHookHttpTest extends AbstractLoginHookHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
