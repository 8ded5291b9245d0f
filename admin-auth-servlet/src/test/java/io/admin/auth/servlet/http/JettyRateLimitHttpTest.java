package io.admin.auth.servlet.http;

/** Token endpoint and per-principal rate limits on embedded Jetty. */
class JettyRateLimitHttpTest extends AbstractRateLimitHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
