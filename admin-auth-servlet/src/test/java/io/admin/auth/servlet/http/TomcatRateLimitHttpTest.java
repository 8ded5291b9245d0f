package io.admin.auth.servlet.http;

/** Token endpoint and per-principal rate limits on embedded Tomcat. */
class TomcatRateLimitHttpTest extends AbstractRateLimitHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
