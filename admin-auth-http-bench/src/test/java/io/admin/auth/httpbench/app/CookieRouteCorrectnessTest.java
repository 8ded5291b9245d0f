package io.admin.auth.httpbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.httpbench.tokens.TokenMinter.Variant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the cookie scenario's numbers rest on: our app accepts the benchmark token in the access-token
 * cookie on {@code /api/hello} (docs/http-contract.md, "Browser apps"), refuses it with the contract's
 * error code when the issuer, audience, expiry, {@code typ} or signature is wrong, reads the cookie
 * under the plain-http loopback name the benchmark sends, and refuses a cookie-authenticated POST
 * without the CSRF header; the app without security serves the same request bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieRouteCorrectnessTest {

    private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
    private static final Pattern CSRF = Pattern.compile("\"csrf_token\":\"([A-Za-z0-9_-]+)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private ConfigurableApplicationContext ours;
    private ConfigurableApplicationContext none;
    private TokenMinter minter;

    @BeforeAll
    void start() {
        minter = new TokenMinter(BenchKey.load(), Clock.systemUTC(), Duration.ofHours(1), new SecureRandom());
        ours = BenchApp.start(Mode.ADMIN_AUTH, 0);
        none = BenchApp.start(Mode.NONE, 0);
    }

    @AfterAll
    void stop() {
        ours.close();
        none.close();
    }

    @Test
    void cookieWhenTokenValidThenServesTheEndpoint() throws Exception {
        HttpResponse<String> response = send(ours, "GET", "/api/hello", cookie(minter.mint("user-1", Variant.VALID)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(HelloController.BODY, response.body());
    }

    @Test
    void cookieWhenTokenBrokenThenRefusesWithTheContractCode() throws Exception {
        Map<Variant, String> expected = Map.of(
                Variant.WRONG_ISSUER, "AUTH_TOKEN_INVALID",
                Variant.WRONG_AUDIENCE, "AUTH_TOKEN_INVALID",
                Variant.EXPIRED, "AUTH_TOKEN_EXPIRED",
                Variant.WRONG_TYP, "AUTH_TOKEN_INVALID",
                Variant.BAD_SIGNATURE, "AUTH_TOKEN_INVALID");
        for (Variant broken : Variant.values()) {
            if (broken == Variant.VALID) {
                continue;
            }
            HttpResponse<String> response = send(ours, "GET", "/api/hello", cookie(minter.mint("user-1", broken)));

            assertEquals(401, response.statusCode(), broken + ": " + response.body());
            assertEquals(expected.get(broken), code(response), broken + ": " + response.body());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    broken.toString());
        }
    }

    @Test
    void cookieWhenSentUnderTheHttpsNameOnPlainLoopbackThenNoCredential() throws Exception {
        String token = minter.mint("user-1", Variant.VALID);

        HttpResponse<String> response = send(ours, "GET", "/api/hello",
                "__Host-" + AdminAuthResourceServer.ACCESS_COOKIE + "=" + token);

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("AUTH_CREDENTIALS_MISSING", code(response));
    }

    @Test
    void cookieWhenPostWithoutCsrfHeaderThenRefused() throws Exception {
        HttpResponse<String> response = send(ours, "POST", "/api/hello", cookie(minter.mint("user-1", Variant.VALID)));

        assertEquals(403, response.statusCode(), response.body());
        assertEquals("AUTH_CSRF_INVALID", code(response));
    }

    @Test
    void cookieWhenPostWithTheSessionsCsrfTokenThenServes() throws Exception {
        String cookie = cookie(minter.mint("user-1", Variant.VALID));
        HttpResponse<String> session = send(ours, "GET", "/api/v3/auth/session", cookie);
        assertEquals(200, session.statusCode(), session.body());
        Matcher csrf = CSRF.matcher(session.body());
        assertTrue(csrf.find(), session.body());

        HttpRequest post = request(ours, "POST", "/api/hello", cookie).header("X-CSRF-Token", csrf.group(1)).build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(HelloController.BODY, response.body());
    }

    @Test
    void appWithoutSecurityWhenCookieSentThenServesTheEndpoint() throws Exception {
        HttpResponse<String> response = send(none, "GET", "/api/hello",
                cookie(minter.mint("user-1", Variant.BAD_SIGNATURE)));

        assertEquals(200, response.statusCode(), response.body());
    }

    private static String cookie(String token) {
        return AdminAuthResourceServer.ACCESS_COOKIE + "=" + token;
    }

    private static String code(HttpResponse<String> response) {
        Matcher m = CODE.matcher(response.body());
        return m.find() ? m.group(1) : "no code in " + response.body();
    }

    private HttpResponse<String> send(ConfigurableApplicationContext app, String method, String path, String cookie)
            throws IOException, InterruptedException {
        return client.send(request(app, method, path, cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext app, String method, String path,
            String cookie) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + BenchApp.port(app) + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", cookie);
    }
}
