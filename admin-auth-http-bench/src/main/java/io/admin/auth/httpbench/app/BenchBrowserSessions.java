package io.admin.auth.httpbench.app;

import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.session.BrowserSessions;
import io.admin.auth.servlet.signin.ContainerLoginHook;
import io.admin.auth.servlet.signin.SignIn;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Browser sessions (docs/http-contract.md, "Browser apps") for the benchmark issuer, turned on the
 * way the README's "Browser apps" section shows: a token service for {@link TokenMinter#ISSUER} and
 * {@link TokenMinter#AUDIENCE} signing with {@link BenchKey}, the confidential first-party client
 * {@link TokenMinter#CLIENT_ID} registered to sign people in, and the access-token cookie accepted on
 * {@value #COOKIE_PATH}. So the minted benchmark tokens (issued to that client, with a refresh family)
 * are exactly what a sign-in would have put in the cookie. Benchmark-only values: the client secret
 * is in the repository, so it must never protect anything.
 */
final class BenchBrowserSessions {

    /** The one path that accepts the access-token cookie. */
    static final String COOKIE_PATH = "/api/hello";
    /**
     * The access-token cookie's name where the benchmark runs: plain http on 127.0.0.1, where the
     * library leaves out the {@code __Host-} prefix (browsers refuse it without {@code Secure}).
     */
    static final String ACCESS_COOKIE = BrowserSessions.DEFAULT_COOKIE_NAME_STEM + "-access";
    /** The session client's secret (at least 16 characters, as the registry demands). */
    static final String SECRET = "bench-session-secret-0123456789abcdef";
    /** What the session client may ask for: an ID token, a refresh token and the benchmark's scopes. */
    static final Set<String> SCOPES = Set.of("openid", "offline_access", "orders:read", "orders:write");

    private BenchBrowserSessions() {}

    /**
     * The issuer's token service: in-memory stores, the bench key as its active signing key (made
     * now, so that no rotation replaces it during a run), the session client registered.
     */
    static DefaultTokenService tokenService(Clock clock) {
        InMemorySigningKeyStore keys = new InMemorySigningKeyStore();
        keys.add(AdminAuthResourceServer.verificationKey(BenchKey.load(), clock.instant()));
        DefaultTokenService tokens = DefaultTokenService.builder()
                .issuer(TokenMinter.ISSUER)
                .audience(TokenMinter.AUDIENCE)
                .clock(clock)
                .random(new SecureRandom())
                .keyStore(keys)
                .build();
        tokens.registerClient(ClientRegistration.signingIn(TokenMinter.CLIENT_ID, SECRET, SCOPES,
                new SignInSettings(false, List.of(callback()), List.of(), true, "HTTP benchmark")));
        return tokens;
    }

    /**
     * {@code builder} with sign-in (the container's login; nobody signs in during a run) and browser
     * sessions for the session client, the cookie counting on {@value #COOKIE_PATH}.
     */
    static AdminAuth.Builder wire(AdminAuth.Builder builder) {
        return builder
                .signIn(SignIn.builder().loginHook(new ContainerLoginHook()).build())
                .browserSessions(BrowserSessions.builder(TokenMinter.CLIENT_ID, SECRET)
                        .redirectUri(callback())
                        .scopes(SCOPES)
                        .cookiePath(COOKIE_PATH)
                        .build());
    }

    private static String callback() {
        return TokenMinter.ISSUER + "/api/v3/auth/session/callback";
    }
}
