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
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What the benchmark's resource-server numbers rest on: each secured app accepts the valid token and
 * refuses a wrong issuer, audience, expiry, {@code typ} and signature, and a request without a token;
 * the app without security answers all of them. If either verifier were misconfigured (say, not
 * checking the audience), its throughput would not be comparable, so these run in every build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceServerCorrectnessTest {

    private final Map<Mode, ConfigurableApplicationContext> apps = new EnumMap<>(Mode.class);
    private final HttpClient client = HttpClient.newHttpClient();
    private TokenMinter minter;

    @BeforeAll
    void start() {
        minter = new TokenMinter(BenchKey.load(), Clock.systemUTC(), Duration.ofHours(1), new SecureRandom());
        for (Mode mode : new Mode[] {Mode.NONE, Mode.SPRING_SECURITY, Mode.ADMIN_AUTH}) {
            apps.put(mode, BenchApp.start(mode, 0));
        }
    }

    @AfterAll
    void stop() {
        apps.values().forEach(ConfigurableApplicationContext::close);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SPRING_SECURITY", "ADMIN_AUTH"})
    void securedAppWhenTokenValidThenServesTheEndpoint(Mode mode) throws Exception {
        HttpResponse<String> response = get(mode, minter.mint("user-1", Variant.VALID));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(HelloController.BODY, response.body());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SPRING_SECURITY", "ADMIN_AUTH"})
    void securedAppWhenTokenBrokenThenRefuses(Mode mode) throws Exception {
        for (Variant broken : Variant.values()) {
            if (broken == Variant.VALID) {
                continue;
            }
            HttpResponse<String> response = get(mode, minter.mint("user-1", broken));

            assertEquals(401, response.statusCode(), mode + " " + broken + ": " + response.body());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    mode + " " + broken);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SPRING_SECURITY", "ADMIN_AUTH"})
    void securedAppWhenNoTokenThenRefuses(Mode mode) throws Exception {
        HttpResponse<String> response = get(mode, null);

        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void appWithoutSecurityWhenAnyOrNoTokenThenServesTheEndpoint() throws Exception {
        assertEquals(200, get(Mode.NONE, null).statusCode());
        assertEquals(200, get(Mode.NONE, minter.mint("user-1", Variant.BAD_SIGNATURE)).statusCode());
    }

    @Test
    void appWithoutSpringSecurityWhenStartedThenHasNoSecurityFilterChain() {
        assertEquals(0, apps.get(Mode.NONE).getBeansOfType(SecurityFilterChain.class).size());
        assertEquals(0, apps.get(Mode.ADMIN_AUTH).getBeansOfType(SecurityFilterChain.class).size());
        assertEquals(1, apps.get(Mode.SPRING_SECURITY).getBeansOfType(SecurityFilterChain.class).size());
    }

    private HttpResponse<String> get(Mode mode, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + BenchApp.port(apps.get(mode)) + "/api/hello"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
