package io.admin.auth.servlet.http;

/** Throttling of failed client authentication over HTTP on embedded Tomcat. */
class TomcatClientThrottleHttpTest extends AbstractClientThrottleHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
