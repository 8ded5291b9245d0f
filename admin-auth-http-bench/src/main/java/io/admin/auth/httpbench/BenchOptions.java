package io.admin.auth.httpbench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * The harness's settings, from {@code --name value} arguments. Defaults fit the whole benchmark in
 * about thirteen minutes on two cores (11.5 of them measuring). The warm-up is as long as most of a
 * measurement because each server has one core, which its JIT compiler shares with the requests; it
 * was 8 s before the cookie scenario was added, and became 6 s to keep the default run under
 * thirteen minutes.
 *
 * @param rounds measured rounds (each: every scenario, every contender once)
 * @param measurement length of one measurement
 * @param warmup length of the warm-up of one contender in one scenario
 * @param connections concurrent keep-alive connections of the load generator
 * @param distinctTokens how many distinct tokens the cycling scenario sends
 * @param out directory for the report, the raw CSV and the servers' logs
 * @param phases {@code resource}, {@code token} or both
 * @param scenarios the resource phase's scenarios, a non-empty subset of {@link #RESOURCE_SCENARIOS}
 * @param pin whether to pin servers and load generator to separate cores (where possible)
 * @param pauseIdle whether to pause ({@code SIGSTOP}) the servers not being warmed up or measured
 */
record BenchOptions(int rounds, Duration measurement, Duration warmup, int connections, int distinctTokens,
        Path out, Set<String> phases, Set<String> scenarios, boolean pin, boolean pauseIdle) {

    /**
     * The resource phase's scenarios by option name, in the order they run: one token in the header,
     * distinct tokens cycled, no token, one token in the access-token cookie.
     */
    static final List<String> RESOURCE_SCENARIOS = List.of("one", "distinct", "none", "cookie");

    static final String USAGE = "options: --rounds N (5) --seconds S (8) --warmup S (6) --connections N (4) "
            + "--distinct N (10000) --out DIR (admin-auth-http-bench/results/<UTC stamp>) "
            + "--phases resource,token (both) --scenarios one,distinct,none,cookie (all) --pin true|false (true) "
            + "--pause-idle true|false (true)";

    BenchOptions {
        if (rounds < 1 || connections < 1 || distinctTokens < 1) {
            throw new IllegalArgumentException("rounds, connections and distinct must be positive");
        }
        if (measurement.isNegative() || measurement.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("seconds must be positive, warmup not negative");
        }
        if (phases.isEmpty() || !Set.of("resource", "token").containsAll(phases)) {
            throw new IllegalArgumentException("phases must be resource, token or both");
        }
        phases = Set.copyOf(phases);
        if (scenarios.isEmpty() || !RESOURCE_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("scenarios must be some of " + String.join(",", RESOURCE_SCENARIOS));
        }
        scenarios = Set.copyOf(scenarios);
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException for an unknown option, a missing value or a bad number
     */
    static BenchOptions parse(String... args) {
        int rounds = 5;
        double seconds = 8;
        double warmup = 6;
        int connections = 4;
        int distinct = 10_000;
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmm"));
        Path out = Path.of("admin-auth-http-bench", "results", stamp);
        Set<String> phases = Set.of("resource", "token");
        Set<String> scenarios = Set.copyOf(RESOURCE_SCENARIOS);
        boolean pin = true;
        boolean pauseIdle = true;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i] + "; " + USAGE);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--seconds" -> seconds = Double.parseDouble(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--connections" -> connections = Integer.parseInt(v);
                case "--distinct" -> distinct = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--phases" -> phases = Set.of(v.split(","));
                case "--scenarios" -> scenarios = Set.of(v.split(","));
                case "--pin" -> pin = Boolean.parseBoolean(v);
                case "--pause-idle" -> pauseIdle = Boolean.parseBoolean(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        return new BenchOptions(rounds, millis(seconds), millis(warmup), connections, distinct, out, phases, scenarios,
                pin, pauseIdle);
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
