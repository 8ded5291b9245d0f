package io.admin.auth.servlet.http;

/** A resource server from properties on embedded Tomcat 11, keys from a live issuer's JWKS. */
class TomcatResourceServerHttpTest extends AbstractResourceServerHttpTest {
  @Override
  TestServer.Factory container() {
    return TomcatTestServer::start;
  }
}
