package io.admin.auth.core.issue;

import static io.admin.auth.core.issue.ServiceFixture.ISSUER;
import static io.admin.auth.core.issue.ServiceFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.OAuthClient;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Our tokens through Spring Security 7's own decoder, as a Spring Boot resource server decodes
 * them (keys from the issuer's JWKS URL, here served over HTTP on loopback): its default
 * validators accept only {@code typ: JWT}, so they refuse our default {@code at+jwt} token and
 * accept the one {@link AccessTokenType#JWT} issues; its RFC 9068 validator ({@code
 * JwtValidators.createAtJwtValidator()}) accepts our default token.
 */
class AccessTokenTypeSpringInteropTest {

  private final List<HttpServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private static DefaultTokenService service(AccessTokenType type) {
    return DefaultTokenService.builder().issuer(ISSUER).signingAlgorithm(SigningAlgorithm.RS256)
        .accessTokenType(type).build();
  }

  private static String token(DefaultTokenService service) {
    OAuthClient client = service.registerClient(
        ClientRegistration.of("client-a", SECRET, Set.of("users:read")));
    return ServiceFixture.issued(service.clientCredentials(client, Optional.empty()))
        .accessToken();
  }

  /** Spring's decoder on the issuer's JWKS URL, with {@code validator}. */
  private NimbusJwtDecoder spring(DefaultTokenService service,
      OAuth2TokenValidator<Jwt> validator) throws Exception {
    HttpServer jwks = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks.createContext("/.well-known/jwks.json", exchange -> {
      byte[] body = service.jwkSetJson().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    jwks.start();
    servers.add(jwks);
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:"
        + jwks.getAddress().getPort() + "/.well-known/jwks.json").build();
    decoder.setJwtValidator(validator);
    return decoder;
  }

  @Test
  void springDefaultValidatorsWhenOurDefaultAtJwtTokenThenRefusedForItsTyp() throws Exception {
    DefaultTokenService service = service(AccessTokenType.AT_JWT);
    NimbusJwtDecoder decoder = spring(service, JwtValidators.createDefaultWithIssuer(ISSUER));
    String token = token(service);

    JwtException refused = assertThrows(JwtException.class, () -> decoder.decode(token));

    assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("typ"),
        refused.getMessage());
  }

  @Test
  void springDefaultValidatorsWhenTypJwtTokenThenAccepted() throws Exception {
    DefaultTokenService service = service(AccessTokenType.JWT);
    NimbusJwtDecoder decoder = spring(service, JwtValidators.createDefaultWithIssuer(ISSUER));

    Jwt jwt = decoder.decode(token(service));

    assertEquals("client-a", jwt.getSubject());
    assertEquals("client-a", jwt.getClaimAsString("client_id"));
    assertEquals("users:read", jwt.getClaimAsString("scope"));
  }

  @Test
  void springAtJwtValidatorWhenOurDefaultTokenThenAccepted() throws Exception {
    DefaultTokenService service = service(AccessTokenType.AT_JWT);
    NimbusJwtDecoder decoder = spring(service, JwtValidators.createAtJwtValidator()
        .issuer(ISSUER).audience(ISSUER).clientId("client-a").build());

    Jwt jwt = decoder.decode(token(service));

    assertEquals("at+jwt", jwt.getHeaders().get("typ"));
    assertEquals("client-a", jwt.getSubject());
  }

  @Test
  void springAtJwtValidatorWhenTypJwtTokenThenRefused() throws Exception {
    DefaultTokenService service = service(AccessTokenType.JWT);
    NimbusJwtDecoder decoder = spring(service, JwtValidators.createAtJwtValidator()
        .issuer(ISSUER).audience(ISSUER).build());
    String token = token(service);

    assertThrows(JwtException.class, () -> decoder.decode(token));
  }
}
