package io.admin.auth.core.spi;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {

  @Test
  void toStringWhenPrintedThenPasswordHashMasked() {
    String s = new User("alice", "$argon2id$v=19$secretish", Set.of(), false).toString();
    assertFalse(s.contains("argon2id"));
    assertTrue(s.contains("passwordHash=**********"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a:b", ":"})
  void constructorWhenNameBlankOrWithColonThenRefused(String name) {
    assertThrows(IllegalArgumentException.class, () -> new User(name, "h", Set.of(), false));
  }
}
