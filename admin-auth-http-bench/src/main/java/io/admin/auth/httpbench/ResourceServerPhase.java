package io.admin.auth.httpbench;

import io.admin.auth.httpbench.app.AdminAuthResourceServer;
import io.admin.auth.httpbench.app.Mode;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.httpbench.tokens.TokenMinter.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource-server phase: the app with no security, with Spring Security and with our filter, each
 * in its own JVM, in up to four scenarios (one token repeated in the header, distinct tokens cycled,
 * no token, and one token repeated in the access-token cookie), as {@link BenchOptions#scenarios()}
 * selects. In the cookie scenario our filter takes the token from the cookie on the path the app
 * opted in, and the baseline receives the same bytes; Spring Security has no equivalent and sits it
 * out.
 */
final class ResourceServerPhase {

    static final String NONE = "no security";
    static final String SPRING = "Spring Security";
    static final String OURS = "admin-auth";
    static final String ONE_TOKEN = "one token repeated";
    static final String NO_TOKEN = "no token (401 path; 200 for no security)";
    static final String COOKIE = "one token repeated in the access-token cookie";
    static final String COOKIE_NOTE = "The same token as above, sent as `Cookie: "
            + AdminAuthResourceServer.ACCESS_COOKIE + "=<token>` (the name on plain-http loopback) without "
            + "an `Authorization` header, on the path our app opts into cookie authentication; the baseline "
            + "gets the same bytes and ignores the cookie. Spring Security: not applicable (its resource "
            + "server reads only the `Authorization` header; an equivalent would be our invention).";

    private static final Logger LOG = LoggerFactory.getLogger(ResourceServerPhase.class);

    private ResourceServerPhase() {}

    /** The name of the distinct-tokens scenario for {@code count} tokens. */
    static String distinct(int count) {
        return String.format(java.util.Locale.ROOT, "%,d distinct tokens cycled", count);
    }

    /**
     * The tokens of the phase: one for the repeated scenarios, then {@code count} distinct ones (none
     * when {@code count} is 0). Called before the harness pins itself to one core, so that minting
     * uses both.
     */
    static List<String> mint(TokenMinter minter, int count) {
        long start = System.nanoTime();
        List<String> tokens = new ArrayList<>(count + 1);
        tokens.add(minter.mint("user-one", Variant.VALID));
        if (count > 0) {
            tokens.addAll(minter.distinctValid(count));
        }
        LOG.info("Minted {} tokens in {} ms", tokens.size(), (System.nanoTime() - start) / 1_000_000);
        return tokens;
    }

    /** How many distinct tokens {@link #mint} needs for {@code options}. */
    static int distinctNeeded(BenchOptions options) {
        return options.scenarios().contains("distinct") ? options.distinctTokens() : 0;
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
                if (s.mode() != Mode.SPRING_SECURITY) {
                    Preflight.checkCookieRoute(s, s.mode() != Mode.NONE, minter);
                }
            }
            LOG.info("Servers ready and checked in {} s", (System.nanoTime() - start) / 1_000_000_000);
            Map<String, String> selected = scenarios(options.scenarios(), distinct.size());
            List<String> scenarios = List.copyOf(selected.values());
            List<Contender> contenders = List.of(
                    contender(NONE, servers.get(0), selected, one, distinct, 200),
                    contender(SPRING, servers.get(1), selected, one, distinct, 401),
                    contender(OURS, servers.get(2), selected, one, distinct, 401));
            List<Sample> samples = new Rounds(options).run("resource", scenarios, contenders);
            return new Report("Resource server: GET /api/hello", scenarios, List.of(NONE, SPRING, OURS), samples,
                    Map.of(COOKIE, COOKIE_NOTE));
        } finally {
            for (ServerProcess s : servers) {
                s.close();
            }
        }
    }

    /** The selected scenarios' names by option name, in the order of {@link BenchOptions#RESOURCE_SCENARIOS}. */
    static Map<String, String> scenarios(Set<String> selected, int distinctCount) {
        Map<String, String> names = Map.of("one", ONE_TOKEN, "distinct", distinct(distinctCount), "none", NO_TOKEN,
                "cookie", COOKIE);
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : BenchOptions.RESOURCE_SCENARIOS) {
            if (selected.contains(key)) {
                out.put(key, names.get(key));
            }
        }
        return out;
    }

    private static Contender contender(String name, ServerProcess server, Map<String, String> scenarios, String one,
            List<String> distinct, int noTokenStatus) {
        int port = server.port();
        Map<String, Contender.Load> loads = new HashMap<>();
        scenarios.forEach((key, scenario) -> {
            switch (key) {
                case "one" -> loads.put(scenario, new Contender.Load(List.of(Requests.hello(port, one)), 200));
                case "distinct" -> loads.put(scenario, new Contender.Load(Requests.hello(port, distinct), 200));
                case "none" -> loads.put(scenario,
                        new Contender.Load(List.of(Requests.hello(port, (String) null)), noTokenStatus));
                case "cookie" -> {
                    if (!name.equals(SPRING)) {
                        loads.put(scenario, new Contender.Load(List.of(Requests.helloWithCookie(port, one)), 200));
                    }
                }
                default -> throw new IllegalArgumentException("unknown scenario " + key);
            }
        });
        return Contender.of(name, server, loads);
    }

    /**
     * The targets of the scenarios run, each with its measured median and verdict: one token at least
     * 0.90 of the baseline, distinct tokens 0.80, no token 1.00, the cookie 0.85; and ahead of Spring
     * Security wherever it was measured.
     */
    static List<Targets.Line> targets(Report report, List<String> scenarios) {
        List<Targets.Line> lines = new ArrayList<>();
        for (String scenario : scenarios) {
            double min = switch (scenario) {
                case ONE_TOKEN -> 0.90;
                case NO_TOKEN -> 1.00;
                case COOKIE -> 0.85;
                default -> 0.80;
            };
            lines.add(Targets.atLeast(report, OURS, scenario, min));
        }
        for (String scenario : scenarios) {
            if (report.applicable(SPRING, scenario)) {
                lines.add(Targets.ahead(report, OURS, SPRING, scenario));
            }
        }
        return lines;
    }
}
