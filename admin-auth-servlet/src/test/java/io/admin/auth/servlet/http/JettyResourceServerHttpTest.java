package io.admin.auth.servlet.http;

/** A resource server from properties on embedded Jetty, keys from a live issuer's JWKS. */
class JettyResourceServerHttpTest extends AbstractResourceServerHttpTest {
  @Override
  TestServer.Factory container() {
    return JettyTestServer::start;
  }
}
