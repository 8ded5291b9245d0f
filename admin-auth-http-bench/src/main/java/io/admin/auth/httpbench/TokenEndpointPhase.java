package io.admin.auth.httpbench;

import io.admin.auth.httpbench.app.Mode;
import io.admin.auth.httpbench.app.TokenEndpointClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The token-endpoint phase: Spring Authorization Server and our token endpoint, each in its own JVM,
 * issuing RS256 access tokens for {@code client_credentials}. Scenario one: no refresh token from
 * either. Scenario two: our client registered for refresh tokens gets one with every access token
 * (generated, hashed and stored); Spring Authorization Server never issues a refresh token for this
 * grant (RFC 6749 section 4.4.3), so it does the same work as in scenario one and is measured again
 * in the same rounds.
 */
final class TokenEndpointPhase {

    static final String SAS = "Spring Authorization Server";
    static final String OURS = "admin-auth";
    static final String WITHOUT_REFRESH = "client credentials, no refresh token";
    static final String WITH_REFRESH = "client credentials, refresh token issued (ours only)";

    private TokenEndpointPhase() {}

    /** Runs the phase and returns its report. */
    static Report run(BenchOptions options, CpuAffinity affinity) throws Exception {
        Path out = options.out();
        try (ServerProcess sas = ServerProcess.start(Mode.SPRING_AUTHORIZATION_SERVER, affinity,
                out.resolve("server-sas.log"));
             ServerProcess ours = ServerProcess.start(Mode.ADMIN_AUTH_TOKEN, affinity,
                     out.resolve("server-ours-token.log"))) {
            sas.awaitReady(Duration.ofMinutes(3));
            ours.awaitReady(Duration.ofMinutes(3));
            byte[] sasRequest = Requests.token(sas.port(), TokenEndpointClient.SAS_TOKEN_PATH,
                    TokenEndpointClient.CLIENT_ID, TokenEndpointClient.SECRET);
            byte[] ourRequest = Requests.token(ours.port(), TokenEndpointClient.OUR_TOKEN_PATH,
                    TokenEndpointClient.CLIENT_ID, TokenEndpointClient.SECRET);
            byte[] ourRefreshRequest = Requests.token(ours.port(), TokenEndpointClient.OUR_TOKEN_PATH,
                    TokenEndpointClient.CLIENT_ID_WITH_REFRESH, TokenEndpointClient.SECRET);
            Preflight.checkOk(sas, sasRequest, "the token request");
            Preflight.checkOk(ours, ourRequest, "the token request");
            Preflight.checkOk(ours, ourRefreshRequest, "the token request of the refresh client");
            List<String> scenarios = List.of(WITHOUT_REFRESH, WITH_REFRESH);
            Contender.Load sasLoad = new Contender.Load(List.of(sasRequest), 200);
            List<Contender> contenders = List.of(
                    Contender.of(SAS, sas, Map.of(WITHOUT_REFRESH, sasLoad, WITH_REFRESH, sasLoad)),
                    Contender.of(OURS, ours, Map.of(
                            WITHOUT_REFRESH, new Contender.Load(List.of(ourRequest), 200),
                            WITH_REFRESH, new Contender.Load(List.of(ourRefreshRequest), 200))));
            List<Sample> samples = new Rounds(options).run("token", scenarios, contenders);
            return new Report("Token endpoint: client credentials, RS256", scenarios, List.of(SAS, OURS), samples);
        }
    }

    /** The targets of this phase. */
    static List<Targets.Line> targets(Report report) {
        List<Targets.Line> lines = new ArrayList<>();
        for (String scenario : List.of(WITHOUT_REFRESH, WITH_REFRESH)) {
            lines.add(Targets.ahead(report, OURS, SAS, scenario));
        }
        return lines;
    }
}
