package io.admin.auth.httpbench.app;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our token endpoint in the Boot app: a {@link DefaultTokenService} (RS256, in-memory stores) with
 * two clients, {@value TokenEndpointClient#CLIENT_ID} without and {@value
 * TokenEndpointClient#CLIENT_ID_WITH_REFRESH} with a refresh token for {@code client_credentials},
 * and {@link AdminAuth} registering its filter and endpoint servlets. The token endpoint's request
 * rate limits (300 per address and 60 per client per minute by default) are switched off, since
 * Spring Authorization Server has none and the benchmark would measure 429s; the failure throttles
 * stay as they are (a benchmark request never fails).
 */
@Configuration(proxyBeanMethods = false)
public class AdminAuthTokenEndpoint {

    /** The token service with the two clients. */
    @Bean
    public DefaultTokenService tokenService() {
        DefaultTokenService service = DefaultTokenService.builder()
                .issuer(TokenEndpointClient.ISSUER)
                .random(new SecureRandom())
                .clock(Clock.systemUTC())
                .build();
        Set<String> scopes = Set.of(TokenEndpointClient.SCOPE.split(" "));
        service.registerClient(new ClientRegistration(TokenEndpointClient.CLIENT_ID, TokenEndpointClient.SECRET,
                scopes, Set.of(DefaultTokenService.GRANT_CLIENT_CREDENTIALS), false, null, null));
        service.registerClient(ClientRegistration.of(TokenEndpointClient.CLIENT_ID_WITH_REFRESH,
                TokenEndpointClient.SECRET, scopes));
        return service;
    }

    /** The filter and servlets; the endpoint path is public to the filter, {@code /api/hello} needs a scope. */
    @Bean
    public AdminAuth adminAuth(DefaultTokenService tokenService) {
        Clock clock = Clock.systemUTC();
        return AdminAuth.builder(tokenService)
                .clock(clock)
                .rateLimits(RateLimits.builder(clock)
                        .tokenPerAddress(RateLimits.unlimited())
                        .tokenPerClient(RateLimits.unlimited())
                        .build())
                .accessPolicy(AccessPolicy.builder()
                        .protectedPrefix("/api")
                        .rule("GET", "/api/hello", TokenMinter.REQUIRED_SCOPE)
                        .build())
                .build();
    }

    /** Registers the filter and the endpoint servlets the way {@link AdminAuth#register} documents. */
    @Bean
    public ServletContextInitializer adminAuthRegistration(AdminAuth adminAuth) {
        return adminAuth::register;
    }
}
