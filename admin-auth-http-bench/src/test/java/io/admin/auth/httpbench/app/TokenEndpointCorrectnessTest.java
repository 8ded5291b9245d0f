package io.admin.auth.httpbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The token-endpoint benchmark's premise: both authorization servers issue an RS256 access token for
 * the client's credentials (HTTP Basic, {@code client_credentials}, the same scopes), refuse a wrong
 * secret, and hand out a refresh token exactly where the benchmark says they do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenEndpointCorrectnessTest {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<Mode, ConfigurableApplicationContext> apps = new EnumMap<>(Mode.class);
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        apps.put(Mode.SPRING_AUTHORIZATION_SERVER, BenchApp.start(Mode.SPRING_AUTHORIZATION_SERVER, 0));
        apps.put(Mode.ADMIN_AUTH_TOKEN, BenchApp.start(Mode.ADMIN_AUTH_TOKEN, 0));
    }

    @AfterAll
    void stop() {
        apps.values().forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void springAuthorizationServerWhenClientCredentialsThenIssuesRs256TokenWithoutRefreshToken() throws Exception {
        HttpResponse<String> response = token(Mode.SPRING_AUTHORIZATION_SERVER, TokenEndpointClient.SAS_TOKEN_PATH,
                TokenEndpointClient.CLIENT_ID, TokenEndpointClient.SECRET);

        assertEquals(200, response.statusCode(), response.body());
        assertRs256AccessToken(response.body());
        assertFalse(response.body().contains("refresh_token"), response.body());
    }

    @Test
    void oursWhenClientCredentialsThenIssuesRs256TokenWithoutRefreshToken() throws Exception {
        HttpResponse<String> response = token(Mode.ADMIN_AUTH_TOKEN, TokenEndpointClient.OUR_TOKEN_PATH,
                TokenEndpointClient.CLIENT_ID, TokenEndpointClient.SECRET);

        assertEquals(200, response.statusCode(), response.body());
        assertRs256AccessToken(response.body());
        assertFalse(response.body().contains("refresh_token"), response.body());
    }

    @Test
    void oursWhenClientRegisteredForRefreshThenIssuesRefreshTokenToo() throws Exception {
        HttpResponse<String> response = token(Mode.ADMIN_AUTH_TOKEN, TokenEndpointClient.OUR_TOKEN_PATH,
                TokenEndpointClient.CLIENT_ID_WITH_REFRESH, TokenEndpointClient.SECRET);

        assertEquals(200, response.statusCode(), response.body());
        assertRs256AccessToken(response.body());
        assertTrue(response.body().contains("\"refresh_token\""), response.body());
    }

    @Test
    void bothWhenSecretWrongThenRefuse() throws Exception {
        String wrong = TokenEndpointClient.SECRET + "x";
        assertEquals(401, token(Mode.SPRING_AUTHORIZATION_SERVER, TokenEndpointClient.SAS_TOKEN_PATH,
                TokenEndpointClient.CLIENT_ID, wrong).statusCode());
        assertEquals(401, token(Mode.ADMIN_AUTH_TOKEN, TokenEndpointClient.OUR_TOKEN_PATH,
                TokenEndpointClient.CLIENT_ID, wrong).statusCode());
    }

    private static void assertRs256AccessToken(String body) throws Exception {
        Matcher m = ACCESS_TOKEN.matcher(body);
        assertTrue(m.find(), body);
        SignedJWT jwt = SignedJWT.parse(m.group(1));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertEquals(TokenEndpointClient.ISSUER, jwt.getJWTClaimsSet().getIssuer());
        // Spring puts scope in the token as a JSON array, we as a string (RFC 9068); the answer's
        // scope member is the same string either way.
        Object scope = jwt.getJWTClaimsSet().getClaim("scope");
        String scopes = scope instanceof List<?> list
                ? String.join(" ", list.stream().map(String::valueOf).sorted().toList()) : String.valueOf(scope);
        assertEquals(TokenEndpointClient.SCOPE, scopes);
        assertTrue(body.contains("\"scope\":\"" + TokenEndpointClient.SCOPE + "\""), body);
    }

    private HttpResponse<String> token(Mode mode, String path, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + BenchApp.port(apps.get(mode)) + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TokenRequests.CLIENT_CREDENTIALS_BODY))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
