package io.admin.auth.servlet.http;

/** API key lifecycle and management over HTTP on embedded Jetty. */
class JettyApiKeysHttpTest extends AbstractApiKeysHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
