package io.admin.auth.servlet.http;

/** The login hook and the container adapter on embedded Tomcat 11. */
class TomcatLoginHookHttpTest extends AbstractLoginHookHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
