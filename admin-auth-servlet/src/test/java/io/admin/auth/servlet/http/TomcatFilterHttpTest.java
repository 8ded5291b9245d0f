package io.admin.auth.servlet.http;

/** The filter suite on embedded Tomcat 11. */
class TomcatFilterHttpTest extends AbstractFilterHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
