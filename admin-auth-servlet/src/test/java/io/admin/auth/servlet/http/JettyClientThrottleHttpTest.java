package io.admin.auth.servlet.http;

/** Throttling of failed client authentication over HTTP on embedded Jetty. */
class JettyClientThrottleHttpTest extends AbstractClientThrottleHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
