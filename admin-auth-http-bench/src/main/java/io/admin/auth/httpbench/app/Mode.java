package io.admin.auth.httpbench.app;

import java.util.List;
import java.util.Locale;

/**
 * The ways the benchmark app can run. The three resource-server modes serve the same endpoint
 * ({@code GET /api/hello}, and {@code POST} for the correctness tests); the two token modes add a
 * token endpoint. Each mode names the
 * configuration class it adds to the app and the Spring Boot auto-configurations it switches off,
 * so that a mode without Spring Security really has no Spring Security filter.
 */
public enum Mode {

    /** The endpoint with no security at all: the baseline. */
    NONE("none", NoSecurity.class, Exclusions.ALL_SECURITY),
    /** Spring Security's {@code oauth2ResourceServer} with a {@code NimbusJwtDecoder} from the public key. */
    SPRING_SECURITY("spring", SpringResourceServer.class, Exclusions.AUTHORIZATION_SERVER),
    /**
     * {@code AdminAuthFilter} with a bearer scheme over our {@code AccessTokenVerifier}, and the
     * access-token cookie accepted on the same endpoint (browser sessions of the issuer's token service).
     */
    ADMIN_AUTH("ours", AdminAuthResourceServer.class, Exclusions.ALL_SECURITY),
    /** Spring Authorization Server's token endpoint, client credentials, one in-memory client. */
    SPRING_AUTHORIZATION_SERVER("sas", SpringAuthorizationServer.class, List.of()),
    /** Our token endpoint ({@code AdminAuth} endpoint servlets), client credentials, in-memory stores. */
    ADMIN_AUTH_TOKEN("ours-token", AdminAuthTokenEndpoint.class, Exclusions.ALL_SECURITY);

    private final String id;
    private final Class<?> configuration;
    private final List<String> excludedAutoConfigurations;

    Mode(String id, Class<?> configuration, List<String> excludedAutoConfigurations) {
        this.id = id;
        this.configuration = configuration;
        this.excludedAutoConfigurations = excludedAutoConfigurations;
    }

    /** The name used on the command line and in reports. */
    public String id() {
        return id;
    }

    /** The configuration class this mode adds to the app. */
    public Class<?> configuration() {
        return configuration;
    }

    /** Fully qualified names of the auto-configurations this mode switches off. */
    public List<String> excludedAutoConfigurations() {
        return excludedAutoConfigurations;
    }

    /**
     * The mode named {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Mode of(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode " + id + "; one of none, spring, ours, sas, ours-token");
    }

    /** The Spring Boot 4.1 security auto-configurations, by name so that excluding one never fails. */
    private static final class Exclusions {
        private static final String SECURITY = "org.springframework.boot.security.autoconfigure.";
        private static final String RESOURCE_SERVER =
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.";
        private static final String AUTH_SERVER =
                "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.";

        static final List<String> AUTHORIZATION_SERVER = List.of(
                AUTH_SERVER + "OAuth2AuthorizationServerAutoConfiguration",
                AUTH_SERVER + "OAuth2AuthorizationServerJwtAutoConfiguration");

        static final List<String> ALL_SECURITY = List.of(
                SECURITY + "SecurityAutoConfiguration",
                SECURITY + "UserDetailsServiceAutoConfiguration",
                SECURITY + "web.servlet.SecurityFilterAutoConfiguration",
                SECURITY + "web.servlet.ServletWebSecurityAutoConfiguration",
                RESOURCE_SERVER + "OAuth2ResourceServerAutoConfiguration",
                RESOURCE_SERVER + "web.OAuth2ResourceServerWebSecurityAutoConfiguration",
                AUTH_SERVER + "OAuth2AuthorizationServerAutoConfiguration",
                AUTH_SERVER + "OAuth2AuthorizationServerJwtAutoConfiguration");

        private Exclusions() {}
    }
}
