package io.admin.auth.core.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argon2 parameters: at least one lane and one pass, and 8 KiB of memory per lane. */
class Argon2ParamsTest {

  @ParameterizedTest(name = "m={0} t={1} p={2}")
  @CsvSource({"8, 1, 1", "16, 1, 2", "24, 3, 3", "19456, 2, 1"})
  void constructorWhenWithinBoundsThenPhcSegment(int m, int t, int p) {
    assertEquals("m=" + m + ",t=" + t + ",p=" + p, new Argon2Params(m, t, p).phc());
  }

  @ParameterizedTest(name = "m={0} t={1} p={2}")
  @CsvSource({"7, 1, 1", "15, 1, 2", "23, 1, 3", "8, 0, 1", "8, 1, 0", "0, 1, 0"})
  void constructorWhenJustBeyondABoundThenIllegalArgument(int m, int t, int p) {
    assertThrows(IllegalArgumentException.class, () -> new Argon2Params(m, t, p));
  }
}
