package io.admin.auth.servlet.http;

/** API key last-use persistence over HTTP on embedded Tomcat. */
class TomcatApiKeyLastUsedHttpTest extends AbstractApiKeyLastUsedHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
