package io.admin.auth.servlet.http;

/** API keys and Basic from properties on embedded Tomcat. */
class TomcatDeclarativeSchemesHttpTest extends AbstractDeclarativeSchemesHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
