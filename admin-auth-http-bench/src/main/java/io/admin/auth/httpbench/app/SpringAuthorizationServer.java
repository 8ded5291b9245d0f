package io.admin.auth.httpbench.app;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.admin.auth.httpbench.tokens.BenchKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Spring Authorization Server as Spring Boot sets it up (Boot's own security filter chains), with
 * one in-memory client for {@code client_credentials} (secret by {@code client_secret_basic}),
 * RS256 tokens signed with {@link BenchKey}, a fixed issuer (so no issuer is derived per request),
 * access tokens living one hour as ours do, and the client-secret check of {@link
 * PepperedHmacPasswordEncoder}. Everything else is the default, including the in-memory {@code
 * OAuth2AuthorizationService} that records every issued token.
 */
@Configuration(proxyBeanMethods = false)
public class SpringAuthorizationServer {

    /** The secret check, comparable with ours. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        PasswordEncoder encoder = new PepperedHmacPasswordEncoder(pepper);
        Arrays.fill(pepper, (byte) 0);
        return encoder;
    }

    /** The one client. */
    @Bean
    public RegisteredClientRepository registeredClients(PasswordEncoder encoder) {
        String id = UUID.nameUUIDFromBytes(TokenEndpointClient.CLIENT_ID.getBytes(StandardCharsets.UTF_8)).toString();
        RegisteredClient client = RegisteredClient.withId(id)
                .clientId(TokenEndpointClient.CLIENT_ID)
                .clientSecret(encoder.encode(TokenEndpointClient.SECRET))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(Arrays.asList(TokenEndpointClient.SCOPE.split(" "))))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
                .build();
        return new InMemoryRegisteredClientRepository(client);
    }

    /** The signing key: the bench RSA key, RS256 (Spring Authorization Server's default algorithm). */
    @Bean
    public JWKSource<SecurityContext> jwkSource() {
        return new ImmutableJWKSet<>(new JWKSet(BenchKey.load().privateJwk()));
    }

    /** A fixed issuer. */
    @Bean
    public AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().issuer(TokenEndpointClient.ISSUER).build();
    }
}
