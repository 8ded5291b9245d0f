package io.admin.auth.benchmarks;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.Person;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.spi.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authorization-code exchange of the token service (code redeemed from the in-memory store,
 * client, redirect URI and PKCE S256 checked, an access token signed with {@link Service#alg} and an
 * RS256 ID token with profile and email claims), next to the same two signatures alone ({@link
 * #signaturesFloor}), made with the library's own crypto ({@link JwsCrypto#defaults()}: BouncyCastle's
 * lightweight ES256, the JDK's RSA), so that the ratio is the protocol's overhead and not a provider
 * difference. Report {@link #exchange} as a ratio to the floor of the same {@code alg} in the same run; {@link #issueCode} is what the authorization endpoint pays per code (not part of the
 * exchange: {@link Code} issues each code outside the timed region).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class AuthorizationCodeBenchmark {

    static final String CLIENT = "bench-spa";
    static final String REDIRECT = "https://app.example/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** A token service that signs people in, with one public client and one person. */
    @State(Scope.Benchmark)
    public static class Service {
        /** The access-token algorithm (ID tokens are RS256 either way). */
        @Param({"RS256", "ES256"})
        public String alg;
        DefaultTokenService tokens;
        OAuthClient client;
        ApprovedAuthorization approved;

        /** Builds the service (fixed clock, silent audit) and registers the client. */
        @Setup
        public void setup() {
            Person alice = new Person(TokenFixture.SUBJECT, Map.of("name", "Alice Example",
                    "preferred_username", "alice", "email", "alice@example.com", "email_verified", true));
            tokens = DefaultTokenService.builder().issuer(TokenFixture.ISSUER)
                    .clock(Clock.fixed(Ours.NOW, ZoneOffset.UTC))
                    .signingAlgorithm(SigningAlgorithm.fromJwsName(alg).orElseThrow())
                    .keepRs256KeyForIdTokens(true).auditListener(event -> { })
                    .personDirectory(subject -> Optional.of(alice)).build();
            client = tokens.registerClient(ClientRegistration.signingIn(CLIENT, null,
                    Set.of("openid", "profile", "email"),
                    new SignInSettings(true, List.of(REDIRECT), List.of(), true, null)));
            approved = new ApprovedAuthorization(CLIENT, REDIRECT, Pkce.s256(VERIFIER), TokenFixture.SUBJECT,
                    Set.of("openid", "profile", "email"), "n-0S6_WzA2Mj", Ours.NOW.minusSeconds(5), null);
        }
    }

    /** A fresh code for every invocation, issued before the timed region. */
    @State(Scope.Thread)
    public static class Code {
        String code;

        /** Issues the code this invocation exchanges. */
        @Setup(Level.Invocation)
        public void issue(Service s) {
            code = s.tokens.issueAuthorizationCode(s.approved).code();
        }
    }

    /** The service's own two keys and one real signing input of each token. */
    @State(Scope.Thread)
    public static class Floor {
        final JwsCrypto crypto = JwsCrypto.defaults();
        SigningKey access;
        SigningKey id;
        byte[] accessInput;
        byte[] idInput;

        /** Takes both keys from the service's ring and captures one real signing input of each token. */
        @Setup
        public void setup(Service s) {
            access = s.tokens.keyRing().active();
            id = s.tokens.keyRing().active(SigningAlgorithm.RS256).orElseThrow();
            TokenResult.Issued sample = (TokenResult.Issued) s.tokens.authorizationCode(s.client,
                    s.tokens.issueAuthorizationCode(s.approved).code(), REDIRECT, VERIFIER);
            accessInput = signingInput(sample.response().accessToken());
            idInput = signingInput(sample.response().idToken());
        }

        private static byte[] signingInput(String jwt) {
            return jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The exchange: redeem, check, sign the access token and the ID token, build the response.
     *
     * @return the grant's result
     */
    @Benchmark
    public TokenResult exchange(Service s, Code c) {
        return s.tokens.authorizationCode(s.client, c.code, REDIRECT, VERIFIER);
    }

    /**
     * What issuing one code costs: 256 random bits, a keyed hash, a store write.
     *
     * @return the code
     */
    @Benchmark
    public String issueCode(Service s) {
        return s.tokens.issueAuthorizationCode(s.approved).code();
    }

    /**
     * The floor: the two signatures the exchange makes, alone, base64url-encoded.
     *
     * @return the encoded ID-token signature
     */
    @Benchmark
    public String signaturesFloor(Floor f) {
        String accessSignature = B64URL.encodeToString(f.crypto.sign(f.access, f.accessInput));
        return accessSignature.isEmpty() ? "" : B64URL.encodeToString(f.crypto.sign(f.id, f.idInput));
    }
}
