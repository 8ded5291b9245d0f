package io.admin.auth.httpbench.app;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Our filter in the Boot app, wired as an application would wire it without a starter. The bearer
 * header is checked by an {@link AccessTokenVerifier} for the issuer, audience and key, as a resource
 * server holding the issuer's key would; {@code GET /api/hello} needs {@value TokenMinter#REQUIRED_SCOPE}.
 *
 * <p>The same path also accepts the access-token cookie of docs/http-contract.md ("Browser apps"),
 * opted in as the README's "Browser apps" section shows: {@link AdminAuth} over the benchmark
 * issuer's token service ({@link BenchBrowserSessions}) with browser sessions whose cookie path is
 * {@code /api/hello}. Only a token service can keep browser sessions, so that app is the issuer
 * itself; the cookie's token goes through the token service's own verifier (same class, same
 * verified-token cache defaults as the header's). {@code POST /api/hello} needs {@code
 * orders:write}, and by cookie also the CSRF header. Library defaults otherwise (verified-token
 * cache on, 30 s skew, in-memory stores).
 *
 * <p>The filter is registered with a {@link FilterRegistrationBean} on every path, first in the
 * chain, for requests (not error dispatches); the endpoint servlets (including the session
 * endpoints) on their paths. The benchmark never signs anyone in: it mints the token the sign-in
 * would have put in the cookie.
 */
@Configuration(proxyBeanMethods = false)
public class AdminAuthResourceServer {

    /** The access-token cookie's name on plain-http loopback, where the library drops the {@code __Host-} prefix. */
    public static final String ACCESS_COOKIE = BenchBrowserSessions.ACCESS_COOKIE;

    /** The verifier for the benchmark issuer's tokens in the {@code Authorization} header. */
    @Bean
    public AccessTokenVerifier accessTokenVerifier() {
        SigningKey key = verificationKey(BenchKey.load(), Instant.EPOCH);
        return AccessTokenVerifier.builder()
                .issuer(TokenMinter.ISSUER)
                .audience(TokenMinter.AUDIENCE)
                .clock(Clock.systemUTC())
                .keys(kid -> key.kid().equals(kid) ? Optional.of(key) : Optional.empty())
                .revocationStore(new InMemoryRevocationStore())
                .build();
    }

    /** The benchmark issuer's token service, which keeps the browser sessions. */
    @Bean
    public DefaultTokenService sessionTokenService() {
        return BenchBrowserSessions.tokenService(Clock.systemUTC());
    }

    /** The filter (header and cookie schemes) and the endpoint servlets. */
    @Bean
    public AdminAuth adminAuth(AccessTokenVerifier verifier, DefaultTokenService tokens) {
        return BenchBrowserSessions.wire(AdminAuth.builder(tokens))
                .bearerVerifier(verifier::verify)
                .accessPolicy(AccessPolicy.builder()
                        .protectedPrefix("/api")
                        .rule("GET", "/api/hello", TokenMinter.REQUIRED_SCOPE)
                        .rule("POST", "/api/hello", "orders:write")
                        .build())
                .build();
    }

    /** The filter on {@code /*}, first in the chain, for requests (not error dispatches). */
    @Bean
    public FilterRegistrationBean<AdminAuthFilter> adminAuthFilter(AdminAuth adminAuth) {
        FilterRegistrationBean<AdminAuthFilter> registration = new FilterRegistrationBean<>(adminAuth.filter());
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The endpoint servlets on their exact paths, as {@link AdminAuth#register} maps them. */
    @Bean
    public ServletContextInitializer adminAuthServlets(AdminAuth adminAuth) {
        return context -> adminAuth.servlets().forEach((path, servlet) ->
                context.addServlet("adminAuth:" + path, servlet).addMapping(path));
    }

    /**
     * The key as our verifier's {@link SigningKey}, made at {@code created}. That record demands the
     * private key as well as the public one, although verification only reads the public key; the
     * benchmark has the private key (it minted the tokens), so it passes it.
     */
    static SigningKey verificationKey(BenchKey key, Instant created) {
        return new SigningKey(key.kid(), SigningAlgorithm.RS256, KeyState.ACTIVE, created, created, null,
                key.privateKey(), key.publicKey());
    }
}
