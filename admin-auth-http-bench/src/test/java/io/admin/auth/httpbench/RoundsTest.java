package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.httpbench.app.BenchApp;
import io.admin.auth.httpbench.app.Mode;
import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.httpbench.tokens.TokenMinter.Variant;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The harness's measuring loop, briefly, against the real apps started in this JVM: every contender
 * is measured in every round with only expected answers, and an answer with the wrong status stops
 * the phase instead of producing a number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundsTest {

    private static final BenchOptions SHORT = new BenchOptions(2, Duration.ofMillis(300), Duration.ofMillis(100), 2,
            10, Path.of("target"), Set.of("resource"), Set.of("one", "cookie"), false, true);

    private ConfigurableApplicationContext none;
    private ConfigurableApplicationContext ours;
    private TokenMinter minter;

    @BeforeAll
    void start() {
        none = BenchApp.start(Mode.NONE, 0);
        ours = BenchApp.start(Mode.ADMIN_AUTH, 0);
        minter = new TokenMinter(BenchKey.load(), Clock.systemUTC(), Duration.ofHours(1), new SecureRandom());
    }

    @AfterAll
    void stop() {
        none.close();
        ours.close();
    }

    private static Contender contender(String name, ConfigurableApplicationContext app, Map<String, Contender.Load> loads) {
        return new Contender(name, new InetSocketAddress("127.0.0.1", BenchApp.port(app)),
                () -> ProcessHandle.current().info().totalCpuDuration().orElseThrow(), loads);
    }

    @Test
    void runWhenAnswersAsExpectedThenOneSamplePerContenderScenarioAndRound() throws Exception {
        String token = minter.mint("u", Variant.VALID);
        List<String> tokens = minter.distinctValid(10);
        Map<String, Contender.Load> base = Map.of(
                "one", new Contender.Load(List.of(Requests.hello(BenchApp.port(none), token)), 200),
                "many", new Contender.Load(Requests.hello(BenchApp.port(none), tokens), 200));
        Map<String, Contender.Load> filtered = Map.of(
                "one", new Contender.Load(List.of(Requests.hello(BenchApp.port(ours), token)), 200),
                "many", new Contender.Load(Requests.hello(BenchApp.port(ours), tokens), 200));

        List<Sample> samples = new Rounds(SHORT).run("test", List.of("one", "many"),
                List.of(contender("base", none, base), contender("ours", ours, filtered)));

        assertEquals(2 * 2 * 2, samples.size());
        assertTrue(samples.stream().allMatch(s -> s.requests() > 0 && s.cpuSeconds() >= 0), samples.toString());
        Report report = new Report("t", List.of("one", "many"), List.of("base", "ours"), samples);
        assertEquals(2, report.ratios("ours", "many").length);
    }

    @Test
    void runWhenContenderHasNoLoadInAScenarioThenItSitsThatScenarioOut() throws Exception {
        String token = minter.mint("u", Variant.VALID);
        Map<String, Contender.Load> base = Map.of(
                "one", new Contender.Load(List.of(Requests.hello(BenchApp.port(none), token)), 200),
                "cookie", new Contender.Load(List.of(Requests.helloWithCookie(BenchApp.port(none), token)), 200));
        Map<String, Contender.Load> filtered = Map.of(
                "one", new Contender.Load(List.of(Requests.hello(BenchApp.port(ours), token)), 200),
                "cookie", new Contender.Load(List.of(Requests.helloWithCookie(BenchApp.port(ours), token)), 200));
        Map<String, Contender.Load> headerOnly = Map.of(
                "one", new Contender.Load(List.of(Requests.hello(BenchApp.port(ours), token)), 200));

        List<Sample> samples = new Rounds(SHORT).run("test", List.of("one", "cookie"), List.of(
                contender("base", none, base), contender("header only", ours, headerOnly),
                contender("ours", ours, filtered)));

        assertEquals(2 * (3 + 2), samples.size(), samples.toString());
        assertTrue(samples.stream().noneMatch(s -> s.contender().equals("header only") && s.scenario().equals("cookie")));
        Report report = new Report("t", List.of("one", "cookie"), List.of("base", "header only", "ours"), samples);
        assertEquals(2, report.ratios("ours", "cookie").length);
        assertTrue(report.markdown().contains("| header only | n/a | n/a | **n/a** |"), report.markdown());
    }

    @Test
    void runWhenStatusUnexpectedThenFailsInsteadOfMeasuring() {
        // Without a token our filter answers 401; a load expecting 200 must not produce a number.
        Map<String, Contender.Load> wrong = Map.of(
                "none", new Contender.Load(List.of(Requests.hello(BenchApp.port(ours), (String) null)), 200));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Rounds(SHORT).run("test", List.of("none"), List.of(contender("ours", ours, wrong))));
        assertTrue(e.getMessage().contains("status 401, expected 200"), e.getMessage());
    }

    @Test
    void runWhenPausingIdleServersThenOnlyTheMeasuredOneRunsAndAllRunAtTheEnd() throws Exception {
        String token = minter.mint("u", Variant.VALID);
        List<String> events = new ArrayList<>();
        Set<String> running = new HashSet<>(Set.of("base", "ours"));
        List<String> violations = new ArrayList<>();
        Map<String, Contender.Load> base = Map.of(
                "one", new Contender.Load(List.of(Requests.hello(BenchApp.port(none), token)), 200));
        Map<String, Contender.Load> filtered = Map.of(
                "one", new Contender.Load(List.of(Requests.hello(BenchApp.port(ours), token)), 200));
        Contender b = watched("base", none, base, events, running);
        Contender o = watched("ours", ours, filtered, events, running);
        // Each load's CPU-time reading happens during its measurement: only that server may run.
        Contender checkedBase = new Contender(b.name(), b.address(), () -> {
            if (!running.equals(Set.of("base"))) {
                violations.add("base measured while " + running + " ran");
            }
            return b.cpuTime().get();
        }, b.loads(), b.idle());
        Contender checkedOurs = new Contender(o.name(), o.address(), () -> {
            if (!running.equals(Set.of("ours"))) {
                violations.add("ours measured while " + running + " ran");
            }
            return o.cpuTime().get();
        }, o.loads(), o.idle());

        List<Sample> samples = new Rounds(SHORT).run("test", List.of("one"), List.of(checkedBase, checkedOurs));

        assertEquals(2 * 2, samples.size());
        assertEquals(List.of(), violations);
        assertTrue(events.contains("pause base") && events.contains("pause ours"), events.toString());
        assertEquals(Set.of("base", "ours"), running, "every server runs again after the phase");

        // Without the option nothing is paused.
        BenchOptions noPause = new BenchOptions(1, Duration.ofMillis(300), Duration.ofMillis(100), 2, 10, Path.of("target"),
                Set.of("resource"), Set.of("one"), false, false);
        events.clear();
        new Rounds(noPause).run("test", List.of("one"), List.of(b, o));
        assertTrue(events.stream().noneMatch(e -> e.startsWith("pause")), events.toString());
    }

    // A contender whose pausing is recorded in events and running (the server itself keeps running).
    private static Contender watched(String name, ConfigurableApplicationContext app,
            Map<String, Contender.Load> loads, List<String> events, Set<String> running) {
        return new Contender(name, new InetSocketAddress("127.0.0.1", BenchApp.port(app)),
                () -> ProcessHandle.current().info().totalCpuDuration().orElseThrow(), loads, new Contender.Idle() {
                    @Override
                    public void pause() {
                        events.add("pause " + name);
                        running.remove(name);
                    }

                    @Override
                    public void resume() {
                        events.add("resume " + name);
                        running.add(name);
                    }
                });
    }
}
