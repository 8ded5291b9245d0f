package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    // Round 1: base 1000 req/s, a 900, b 500; round 2: base 2000, a 1000, b 1200; round 3: base 1000, a 950, b 400.
    private static final List<Sample> SAMPLES = List.of(
            new Sample("base", "s", 1, 10_000, 10, 1.0), new Sample("a", "s", 1, 9_000, 10, 1.0),
            new Sample("b", "s", 1, 5_000, 10, 1.0),
            new Sample("base", "s", 2, 20_000, 10, 1.0), new Sample("a", "s", 2, 10_000, 10, 1.0),
            new Sample("b", "s", 2, 12_000, 10, 1.0),
            new Sample("base", "s", 3, 10_000, 10, 1.0), new Sample("a", "s", 3, 9_500, 10, 0.5),
            new Sample("b", "s", 3, 4_000, 10, 1.0));

    private final Report report = new Report("t", List.of("s"), List.of("base", "a", "b"), SAMPLES);

    @Test
    void ratiosWhenRoundsDifferThenEachIsAgainstTheBaselineOfItsOwnRound() {
        assertArrayEquals(new double[] {0.9, 0.5, 0.95}, report.ratios("a", "s"), 1e-9);
        assertEquals(0.9, report.medianRatio("a", "s"), 1e-9);
        assertEquals(0.5, report.medianRatio("b", "s"), 1e-9);
    }

    @Test
    void cpuRatiosWhenContenderCheaperThenAboveOne() {
        // base: 100 µs per request in round 3; a: 0.5 s / 9,500 = 52.6 µs.
        assertEquals(100.0 / (0.5e6 / 9_500), report.cpuRatios("a", "s")[2], 1e-9);
    }

    @Test
    void medianWhenEvenCountThenMeanOfTheMiddleTwo() {
        assertEquals(2.5, Report.median(new double[] {4, 1, 3, 2}), 1e-9);
        assertEquals(3, Report.median(new double[] {5, 3, 1}), 1e-9);
    }

    @Test
    void markdownWhenRenderedThenShowsEveryRoundAndTheMedianInBold() {
        String md = report.markdown();

        assertTrue(md.contains("| a | 0.90 | 0.50 | 0.95 | **0.90** |"), md);
        assertTrue(md.contains("| base | 1.00 | 1.00 | 1.00 | **1.00** |"), md);
    }

    @Test
    void targetsWhenJudgedThenUseTheMedians() {
        assertTrue(Targets.atLeast(report, "a", "s", 0.90).met());
        assertFalse(Targets.atLeast(report, "b", "s", 0.80).met());
        assertTrue(Targets.ahead(report, "a", "b", "s").met());
        assertFalse(Targets.ahead(report, "b", "a", "s").met());
        assertTrue(Targets.markdown(List.of(Targets.ahead(report, "b", "a", "s"))).contains("**missed**"));
    }

    @Test
    void markdownWhenContenderSitsAScenarioOutThenItsRowSaysNotApplicableWithTheNote() {
        // Scenario "c": only base and a (a at 0.90 of base in both rounds); b has no equivalent.
        List<Sample> samples = List.of(
                new Sample("base", "c", 1, 10_000, 10, 1.0), new Sample("a", "c", 1, 9_000, 10, 1.0),
                new Sample("base", "c", 2, 10_000, 10, 1.0), new Sample("a", "c", 2, 9_000, 10, 1.0));
        Report r = new Report("t", List.of("c"), List.of("base", "a", "b"), samples,
                Map.of("c", "b has no equivalent."));

        String md = r.markdown();

        assertTrue(md.contains("| a | 0.90 | 0.90 | **0.90** |"), md);
        assertTrue(md.contains("| b | n/a | n/a | **n/a** | n/a | n/a | n/a |"), md);
        assertTrue(md.contains("\nb has no equivalent.\n"), md);
        assertTrue(r.applicable("a", "c"));
        assertFalse(r.applicable("b", "c"));
    }

    @Test
    void cookieTargetWhenJudgedThenNeedsEightyFivePercentOfTheBaseline() {
        String cookie = ResourceServerPhase.COOKIE;
        List<Sample> samples = List.of(
                new Sample(ResourceServerPhase.NONE, cookie, 1, 10_000, 10, 1.0),
                new Sample(ResourceServerPhase.OURS, cookie, 1, 8_600, 10, 1.0));
        Report r = new Report("t", List.of(cookie), List.of(ResourceServerPhase.NONE, ResourceServerPhase.SPRING,
                ResourceServerPhase.OURS), samples);

        List<Targets.Line> met = ResourceServerPhase.targets(r, List.of(cookie));
        Report slower = new Report("t", List.of(cookie), List.of(ResourceServerPhase.NONE, ResourceServerPhase.OURS),
                List.of(samples.get(0), new Sample(ResourceServerPhase.OURS, cookie, 1, 8_400, 10, 1.0)));
        List<Targets.Line> missed = ResourceServerPhase.targets(slower, List.of(cookie));

        assertEquals(1, met.size(), met.toString());
        assertEquals("admin-auth, " + cookie + ": ≥ 0.85× no security", met.get(0).target());
        assertTrue(met.get(0).met());
        assertEquals("0.86×", met.get(0).measured());
        assertFalse(missed.get(0).met());
    }

    @Test
    void rotatedWhenByRoundThenEveryContenderLeadsOnce() {
        assertEquals(List.of("b", "c", "a"), Rounds.rotated(List.of("a", "b", "c"), 1));
        assertEquals(List.of("a", "b", "c"), Rounds.rotated(List.of("a", "b", "c"), 3));
    }
}
