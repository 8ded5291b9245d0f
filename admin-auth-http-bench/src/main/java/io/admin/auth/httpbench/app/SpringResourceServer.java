package io.admin.auth.httpbench.app;

import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security as its documentation sets up a JWT resource server: {@code oauth2ResourceServer}
 * with a {@link NimbusJwtDecoder} built from the public key, and the RFC 9068 validators ({@code
 * typ at+jwt}, {@code iss}, {@code aud}, {@code client_id}, {@code exp}/{@code nbf}, required
 * claims). The endpoint requires the scope {@value TokenMinter#REQUIRED_SCOPE}, as it does with our
 * filter. Everything else is Spring Boot's default.
 */
@Configuration(proxyBeanMethods = false)
public class SpringResourceServer {

    /** The filter chain: every request authenticated by a bearer JWT, the endpoint needing its scope. */
    @Bean
    public SecurityFilterChain resourceServer(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/hello")
                        .hasAuthority("SCOPE_" + TokenMinter.REQUIRED_SCOPE)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /**
     * The decoder: RS256 with the public key. Nimbus's own {@code typ} check is off so that {@code
     * typ} is checked once, by Spring's RFC 9068 validator (Nimbus's accepts only {@code JWT}).
     */
    @Bean
    public JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(BenchKey.load().publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .validateType(false)
                .build();
        decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                .issuer(TokenMinter.ISSUER)
                .audience(TokenMinter.AUDIENCE)
                .clientId(TokenMinter.CLIENT_ID)
                .build());
        return decoder;
    }
}
