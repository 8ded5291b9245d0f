package io.admin.auth.httpbench;

import io.admin.auth.httpbench.app.Mode;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.httpbench.tokens.TokenMinter.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource-server phase: the app with no security, with Spring Security and with our filter, each
 * in its own JVM, in three scenarios (one token repeated, distinct tokens cycled, no token).
 */
final class ResourceServerPhase {

    static final String NONE = "no security";
    static final String SPRING = "Spring Security";
    static final String OURS = "admin-auth";
    static final String ONE_TOKEN = "one token repeated";
    static final String NO_TOKEN = "no token (401 path; 200 for no security)";

    private static final Logger LOG = LoggerFactory.getLogger(ResourceServerPhase.class);

    private ResourceServerPhase() {}

    /** The name of the distinct-tokens scenario for {@code count} tokens. */
    static String distinct(int count) {
        return String.format(java.util.Locale.ROOT, "%,d distinct tokens cycled", count);
    }

    /**
     * The tokens of the phase: one for the repeated scenario, then {@code count} distinct ones.
     * Called before the harness pins itself to one core, so that minting uses both.
     */
    static List<String> mint(TokenMinter minter, int count) {
        long start = System.nanoTime();
        List<String> tokens = new ArrayList<>(count + 1);
        tokens.add(minter.mint("user-one", Variant.VALID));
        tokens.addAll(minter.distinctValid(count));
        LOG.info("Minted {} tokens in {} ms", tokens.size(), (System.nanoTime() - start) / 1_000_000);
        return tokens;
    }

    /** Runs the phase with the tokens of {@link #mint} and returns its report. */
    static Report run(BenchOptions options, CpuAffinity affinity, TokenMinter minter, List<String> tokens)
            throws Exception {
        String one = tokens.get(0);
        List<String> distinct = tokens.subList(1, tokens.size());
        List<ServerProcess> servers = new ArrayList<>();
        try {
            long start = System.nanoTime();
            for (Mode mode : List.of(Mode.NONE, Mode.SPRING_SECURITY, Mode.ADMIN_AUTH)) {
                servers.add(ServerProcess.start(mode, affinity, options.out().resolve("server-" + mode.id() + ".log")));
            }
            for (ServerProcess s : servers) {
                s.awaitReady(Duration.ofMinutes(3));
                Preflight.checkResourceServer(s, s.mode() != Mode.NONE, minter);
            }
            LOG.info("Servers ready and checked in {} s", (System.nanoTime() - start) / 1_000_000_000);
            List<String> scenarios = List.of(ONE_TOKEN, distinct(distinct.size()), NO_TOKEN);
            List<Contender> contenders = List.of(
                    contender(NONE, servers.get(0), one, distinct, 200),
                    contender(SPRING, servers.get(1), one, distinct, 401),
                    contender(OURS, servers.get(2), one, distinct, 401));
            List<Sample> samples = new Rounds(options).run("resource", scenarios, contenders);
            return new Report("Resource server: GET /api/hello", scenarios, List.of(NONE, SPRING, OURS), samples);
        } finally {
            for (ServerProcess s : servers) {
                s.close();
            }
        }
    }

    private static Contender contender(String name, ServerProcess server, String one, List<String> distinct,
            int noTokenStatus) {
        int port = server.port();
        return Contender.of(name, server, Map.of(
                ONE_TOKEN, new Contender.Load(List.of(Requests.hello(port, one)), 200),
                distinct(distinct.size()), new Contender.Load(Requests.hello(port, distinct), 200),
                NO_TOKEN, new Contender.Load(List.of(Requests.hello(port, (String) null)), noTokenStatus)));
    }

    /** The targets of this phase, each with its measured median and verdict. */
    static List<Targets.Line> targets(Report report, int distinctCount) {
        String distinct = distinct(distinctCount);
        List<Targets.Line> lines = new ArrayList<>();
        lines.add(Targets.atLeast(report, OURS, ONE_TOKEN, 0.90));
        lines.add(Targets.atLeast(report, OURS, distinct, 0.80));
        lines.add(Targets.atLeast(report, OURS, NO_TOKEN, 1.00));
        for (String scenario : List.of(ONE_TOKEN, distinct, NO_TOKEN)) {
            lines.add(Targets.ahead(report, OURS, SPRING, scenario));
        }
        return lines;
    }
}
