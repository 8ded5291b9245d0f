package io.admin.auth.benchmarks;

import io.admin.auth.core.signin.AuthorizationRequestParser;
import io.admin.auth.core.signin.AuthorizationRequestResult;
import io.admin.auth.core.signin.AuthorizationResponse;
import io.admin.auth.core.signin.SignInStep;
import io.admin.auth.core.signin.SignInSteps;
import io.admin.auth.core.spi.Consent;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSession;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authorization endpoint's pure logic for a typical request of a third-party web client
 * ({@code openid profile email}, state, nonce, S256 challenge): parsing and validation against the
 * in-memory client store, and the whole decision path (validation, next step with a session and a
 * covering consent, the query redirect with the code). Signing and stores of the code grant are not
 * included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class SignInRequestBenchmark {

    /** A client store with one third-party client, a typical request, a session and a consent. */
    @State(Scope.Benchmark)
    public static class Request {
        AuthorizationRequestParser parser;
        /** The parameters as a servlet container hands them over. */
        public Map<String, String[]> params;
        Optional<SignInSession> session;
        Optional<Consent> consent;
        Instant now;

        /** Registers the client and builds the request. */
        @Setup
        public void setup() {
            InMemoryClientStore clients = new InMemoryClientStore();
            clients.save(new OAuthClient("partner-app", "a-hash",
                    Set.of("openid", "profile", "email", "offline_access", "users:read"),
                    Set.of("authorization_code", "refresh_token"), false, null, null,
                    new SignInSettings(false, List.of("https://partner.example.com/oauth/callback"), List.of(),
                            false, "Partner")));
            parser = new AuthorizationRequestParser(clients);
            params = new LinkedHashMap<>();
            params.put("response_type", new String[] {"code"});
            params.put("client_id", new String[] {"partner-app"});
            params.put("redirect_uri", new String[] {"https://partner.example.com/oauth/callback"});
            params.put("scope", new String[] {"openid profile email"});
            params.put("state", new String[] {"af0ifjsldkj-3c8f1e7a9b2d4"});
            params.put("nonce", new String[] {"n-0S6_WzA2Mj-7f3a"});
            params.put("code_challenge", new String[] {"E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"});
            params.put("code_challenge_method", new String[] {"S256"});
            now = Ours.NOW;
            session = Optional.of(new SignInSession("session-hash", "person-1", now.minusSeconds(600),
                    Set.of("pwd"), now.plusSeconds(3600)));
            consent = Optional.of(new Consent("person-1", "partner-app",
                    Set.of("openid", "profile", "email"), now.minusSeconds(86_400)));
        }
    }

    /** Parsing and validation of the request, ending in a {@code Valid} verdict. */
    @Benchmark
    public AuthorizationRequestResult parse(Request s) {
        return s.parser.parse(s.params);
    }

    /** Parsing, the next-step decision and the query redirect with a (fixed) code and {@code iss}. */
    @Benchmark
    public String parseDecideAndRedirect(Request s) {
        var valid = (AuthorizationRequestResult.Valid) s.parser.parse(s.params);
        SignInStep step = SignInSteps.next(valid.request(), s.now, s.session, s.consent, s.now);
        if (!(step instanceof SignInStep.IssueCode)) {
            throw new IllegalStateException("expected a code, got " + step);
        }
        return AuthorizationResponse.success(valid.request(), "SplxlOBeZQQYbYS6WxSbIA", "https://issuer.example")
                .location();
    }
}
