package io.admin.auth.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two {@code Authorization} headers are told from one without listing them all. */
class AdminAuthFilterHeadersTest {

  @Test
  void moreThanOneWhenNoneOrOneThenFalse() {
    assertFalse(AdminAuthFilter.moreThanOne(null));
    assertFalse(AdminAuthFilter.moreThanOne(Collections.emptyEnumeration()));
    assertFalse(AdminAuthFilter.moreThanOne(Collections.enumeration(List.of("Bearer a"))));
  }

  @Test
  void moreThanOneWhenTwoOrMoreThenTrue() {
    assertTrue(AdminAuthFilter.moreThanOne(Collections.enumeration(List.of("Bearer a", "Bearer a"))));
    assertTrue(AdminAuthFilter.moreThanOne(Collections.enumeration(List.of("Basic x", "Bearer a", "ApiKey k"))));
  }
}
