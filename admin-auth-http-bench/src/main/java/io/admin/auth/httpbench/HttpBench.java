package io.admin.auth.httpbench;

import io.admin.auth.httpbench.app.BenchApp;
import io.admin.auth.httpbench.app.Mode;
import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's entry point. {@code java -jar http-bench.jar [options]} runs the harness: servers
 * on core 0, itself (the load generator) on core 1, the phases, and the report (printed and written
 * to {@code report.md} beside {@code samples.csv} and the servers' logs). {@code java -jar
 * http-bench.jar server <mode> <port>} is how the harness starts each server.
 */
public final class HttpBench {

    /** First argument that makes this JVM a server instead of the harness. */
    static final String SERVER_COMMAND = "server";

    private static final Logger LOG = LoggerFactory.getLogger(HttpBench.class);

    private HttpBench() {}

    /** Runs the harness, or a server when the first argument is {@value #SERVER_COMMAND}. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(SERVER_COMMAND)) {
            if (args.length != 3) {
                throw new IllegalArgumentException("usage: server <none|spring|ours|sas|ours-token> <port>");
            }
            BenchApp.start(Mode.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        BenchOptions options = BenchOptions.parse(args);
        int cores = Runtime.getRuntime().availableProcessors();
        boolean resource = options.phases().contains("resource");
        TokenMinter minter = new TokenMinter(BenchKey.load(), Clock.systemUTC(), Duration.ofHours(2),
                new SecureRandom());
        List<String> tokens = resource ? ResourceServerPhase.mint(minter, ResourceServerPhase.distinctNeeded(options)) : List.of();
        CpuAffinity affinity = CpuAffinity.detect(options.pin());
        affinity.pinSelfToLoadCore();
        Files.createDirectories(options.out());
        Instant started = Instant.now();
        StringBuilder report = new StringBuilder(header(options, affinity, cores, started));
        List<Sample> samples = new ArrayList<>();
        List<Targets.Line> targets = new ArrayList<>();
        if (resource) {
            Report r = ResourceServerPhase.run(options, affinity, minter, tokens);
            report.append('\n').append(r.markdown());
            targets.addAll(ResourceServerPhase.targets(r, r.scenarios()));
            samples.addAll(r.samples());
        }
        if (options.phases().contains("token")) {
            Report r = TokenEndpointPhase.run(options, affinity);
            report.append('\n').append(r.markdown());
            targets.addAll(TokenEndpointPhase.targets(r));
            samples.addAll(r.samples());
        }
        report.append('\n').append(Targets.markdown(targets));
        report.append(String.format("%nTotal time %d s; load average at the end: %s.%n",
                Duration.between(started, Instant.now()).toSeconds(), loadAverage()));
        write(options.out(), report.toString(), samples);
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        stdout.println(report);
        LOG.info("Report written to {}", options.out().resolve("report.md"));
    }

    private static String header(BenchOptions o, CpuAffinity affinity, int cores, Instant started) {
        return String.format("# HTTP benchmark, %s%n%n"
                        + "- %d rounds × %.1f s per measurement, %.1f s warm-up per contender and scenario, "
                        + "%d keep-alive connections%n"
                        + "- servers: one JVM each (%s), %s; %s%n"
                        + "- %d cores, %s, load average at the start: %s%n",
                started, o.rounds(), o.measurement().toMillis() / 1000.0, o.warmup().toMillis() / 1000.0,
                o.connections(), String.join(" ", ServerProcess.JVM_OPTIONS),
                affinity.enabled() ? "pinned to core 0 (taskset), load generator pinned to core 1"
                        : "not pinned (no taskset or a single core): servers and load generator share the cores",
                o.pauseIdle() ? "the servers not being warmed up or measured are paused (SIGSTOP)"
                        : "idle servers are not paused",
                cores,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void write(Path out, String report, List<Sample> samples) throws IOException {
        Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
        List<String> csv = new ArrayList<>();
        csv.add("contender,scenario,round,requests,seconds,cpu_seconds,requests_per_second,cpu_us_per_request");
        samples.forEach(s -> csv.add(s.csv()));
        Files.write(out.resolve("samples.csv"), csv, StandardCharsets.UTF_8);
    }
}
