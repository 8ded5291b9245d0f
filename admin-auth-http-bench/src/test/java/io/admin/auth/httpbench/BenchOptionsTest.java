package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void parseWhenNoArgumentsThenEveryScenarioRunsAndMeasuringFitsElevenAndAHalfMinutes() {
        BenchOptions o = BenchOptions.parse();

        assertEquals(5, o.rounds());
        assertEquals(Duration.ofSeconds(8), o.measurement());
        assertEquals(Set.of("resource", "token"), o.phases());
        assertEquals(Set.of("one", "distinct", "none", "cookie"), o.scenarios());
        assertTrue(o.pauseIdle(), "idle servers are paused by default");
        // Resource: 3 contenders x 3 scenarios, plus 2 in the cookie one (Spring Security has no cookie);
        // token: 2 x 2; warm-up of each, then the rounds. Server start-up and minting come on top.
        long seconds = (9 + 2 + 4) * (o.warmup().toSeconds() + o.rounds() * o.measurement().toSeconds());
        assertEquals(690, seconds);
    }

    @Test
    void parseWhenScenariosGivenThenOnlyThoseRun() {
        assertEquals(Set.of("cookie", "one"), BenchOptions.parse("--scenarios", "cookie,one").scenarios());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--scenarios", "cookies"));
    }

    @Test
    void parseWhenOptionsGivenThenUsesThem() {
        BenchOptions o = BenchOptions.parse("--rounds", "3", "--seconds", "0.5", "--phases", "token",
                "--out", "/tmp/x", "--pin", "false", "--distinct", "100", "--pause-idle", "false");

        assertEquals(3, o.rounds());
        assertEquals(Duration.ofMillis(500), o.measurement());
        assertEquals(Set.of("token"), o.phases());
        assertEquals(Path.of("/tmp/x"), o.out());
        assertEquals(false, o.pin());
        assertEquals(100, o.distinctTokens());
        assertFalse(o.pauseIdle());
    }

    @Test
    void parseWhenUnknownOrIncompleteThenRefuses() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--round", "3"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--phases", "everything"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds", "0"));
    }
}
