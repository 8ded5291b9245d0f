package io.admin.auth.servlet.http;

/** API key lifecycle and management over HTTP on embedded Tomcat. */
class TomcatApiKeysHttpTest extends AbstractApiKeysHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
