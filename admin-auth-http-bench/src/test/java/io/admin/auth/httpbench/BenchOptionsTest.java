package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void parseWhenNoArgumentsThenDefaultsFitFifteenMinutes() {
        BenchOptions o = BenchOptions.parse();

        assertEquals(5, o.rounds());
        assertEquals(Duration.ofSeconds(8), o.measurement());
        assertEquals(Set.of("resource", "token"), o.phases());
        // Resource: 3 contenders x 3 scenarios; token: 2 x 2; warm-up of each, then the rounds.
        long seconds = (9 + 4) * (o.warmup().toSeconds() + o.rounds() * o.measurement().toSeconds());
        assertEquals(624, seconds);
    }

    @Test
    void parseWhenOptionsGivenThenUsesThem() {
        BenchOptions o = BenchOptions.parse("--rounds", "3", "--seconds", "0.5", "--phases", "token",
                "--out", "/tmp/x", "--pin", "false", "--distinct", "100");

        assertEquals(3, o.rounds());
        assertEquals(Duration.ofMillis(500), o.measurement());
        assertEquals(Set.of("token"), o.phases());
        assertEquals(Path.of("/tmp/x"), o.out());
        assertEquals(false, o.pin());
        assertEquals(100, o.distinctTokens());
    }

    @Test
    void parseWhenUnknownOrIncompleteThenRefuses() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--round", "3"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--phases", "everything"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds", "0"));
    }
}
