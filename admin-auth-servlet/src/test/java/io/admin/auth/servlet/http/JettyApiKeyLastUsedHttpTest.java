package io.admin.auth.servlet.http;

/** API key last-use persistence over HTTP on embedded Jetty. */
class JettyApiKeyLastUsedHttpTest extends AbstractApiKeyLastUsedHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
