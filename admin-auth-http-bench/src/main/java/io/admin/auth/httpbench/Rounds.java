package io.admin.auth.httpbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one phase: a warm-up of every contender in every scenario, then rounds in which every
 * scenario measures every contender once, in an order rotated by one each round, so that no
 * contender always runs first or right after the same neighbour. A contender without a load in a
 * scenario sits that scenario out. A wrong status fails the phase: a
 * server that refuses what it should accept (or the reverse) must not produce a number.
 *
 * <p>With {@link BenchOptions#pauseIdle()}, every other contender is paused while one warms up or is
 * measured: the servers share one core, and a server that has just been measured keeps compiling and
 * collecting in the background, which would otherwise be charged to whichever server comes next.
 * Every contender runs again when the phase ends, however it ends.
 */
final class Rounds {

    private static final Logger LOG = LoggerFactory.getLogger(Rounds.class);

    private final BenchOptions options;

    Rounds(BenchOptions options) {
        this.options = options;
    }

    /** Every sample of the phase, rounds in order. */
    List<Sample> run(String phase, List<String> scenarios, List<Contender> contenders) throws Exception {
        try {
            return measureAll(phase, scenarios, contenders);
        } finally {
            for (Contender c : contenders) {
                c.idle().resume();
            }
        }
    }

    private List<Sample> measureAll(String phase, List<String> scenarios, List<Contender> contenders)
            throws Exception {
        for (Contender c : contenders) {
            for (String scenario : scenarios) {
                if (!c.takesPart(scenario)) {
                    continue;
                }
                LOG.info("{}: warm-up {} / {}", phase, c.name(), scenario);
                focus(c, contenders);
                measure(c, scenario, 0, options.warmup());
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            for (String scenario : scenarios) {
                List<Contender> taking = contenders.stream().filter(c -> c.takesPart(scenario)).toList();
                for (Contender c : rotated(taking, round - 1)) {
                    focus(c, contenders);
                    Sample s = measure(c, scenario, round, options.measurement());
                    LOG.info("{}: round {} {} / {}: {} req/s, {} µs CPU per request", phase, round, c.name(),
                            scenario, Math.round(s.throughput()), String.format("%.1f", s.cpuMicrosPerRequest()));
                    samples.add(s);
                }
            }
        }
        return samples;
    }

    // Only c runs (when pausing idle servers).
    private void focus(Contender c, List<Contender> contenders) throws Exception {
        if (!options.pauseIdle()) {
            return;
        }
        for (Contender other : contenders) {
            if (other != c) {
                other.idle().pause();
            }
        }
        c.idle().resume();
    }

    /** {@code list} rotated left by {@code by} places. */
    static <T> List<T> rotated(List<T> list, int by) {
        List<T> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(list.get((i + by) % list.size()));
        }
        return out;
    }

    private Sample measure(Contender c, String scenario, int round, Duration duration) throws InterruptedException {
        Contender.Load load = c.loads().get(scenario);
        LoadGenerator generator = new LoadGenerator(c.address(), options.connections());
        Duration[] cpu = new Duration[2];
        LoadGenerator.Result r = generator.run(load.requests(), load.expectedStatus(), duration,
                () -> cpu[0] = c.cpuTime().get(), () -> cpu[1] = c.cpuTime().get());
        if (r.unexpected() > 0) {
            throw new IllegalStateException(c.name() + " / " + scenario + ": " + r.unexpected()
                    + " unexpected answers, first: " + r.firstUnexpected());
        }
        if (r.requests() == 0) {
            throw new IllegalStateException(c.name() + " / " + scenario + ": no request completed");
        }
        double cpuSeconds = cpu[1].minus(cpu[0]).toNanos() / 1e9;
        return new Sample(c.name(), scenario, round, r.requests(), r.elapsedNanos() / 1e9, cpuSeconds);
    }
}
