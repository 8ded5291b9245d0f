package io.admin.auth.httpbench.app;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.scheme.BearerScheme;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Our filter in the Boot app, wired as an application would wire it without a starter: an {@link
 * AccessTokenVerifier} for the issuer, audience and key, a bearer scheme over it, an access policy
 * requiring {@value TokenMinter#REQUIRED_SCOPE} on the endpoint, and the filter registered with a
 * {@link FilterRegistrationBean} on every path. {@code AccessTokenVerifier} does not implement
 * {@code BearerTokenVerifier}, hence the method reference. Library defaults otherwise (verified-token cache on,
 * 30 s skew, in-memory revocation list).
 */
@Configuration(proxyBeanMethods = false)
public class AdminAuthResourceServer {

    /** The verifier for the benchmark issuer's tokens. */
    @Bean
    public AccessTokenVerifier accessTokenVerifier() {
        SigningKey key = verificationKey(BenchKey.load());
        return AccessTokenVerifier.builder()
                .issuer(TokenMinter.ISSUER)
                .audience(TokenMinter.AUDIENCE)
                .clock(Clock.systemUTC())
                .keys(kid -> key.kid().equals(kid) ? Optional.of(key) : Optional.empty())
                .revocationStore(new InMemoryRevocationStore())
                .build();
    }

    /** The filter on {@code /*}, first in the chain, for requests (not error dispatches). */
    @Bean
    public FilterRegistrationBean<AdminAuthFilter> adminAuthFilter(AccessTokenVerifier verifier) {
        AdminAuthFilter filter = AdminAuthFilter.builder()
                .scheme(new BearerScheme(verifier::verify))
                .accessPolicy(AccessPolicy.builder()
                        .protectedPrefix("/api")
                        .rule("GET", "/api/hello", TokenMinter.REQUIRED_SCOPE)
                        .build())
                .build();
        FilterRegistrationBean<AdminAuthFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The key as our verifier's {@link SigningKey}. That record demands the private key as well as
     * the public one, although verification only reads the public key; a resource server that has
     * only the issuer's public key cannot build one. The benchmark has the private key (it minted
     * the tokens), so it passes it; a public-key-only form belongs in core.
     */
    static SigningKey verificationKey(BenchKey key) {
        Instant created = Instant.EPOCH;
        return new SigningKey(key.kid(), SigningAlgorithm.RS256, KeyState.ACTIVE, created, created, null,
                key.privateKey(), key.publicKey());
    }
}
