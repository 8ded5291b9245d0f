package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialectTest {

  @Test
  void fromJdbcUrlWhenH2OrPostgresThenThatDialect() {
    assertEquals(Dialect.H2, Dialect.fromJdbcUrl("jdbc:h2:file:./data/admin-auth"));
    assertEquals(Dialect.POSTGRESQL, Dialect.fromJdbcUrl("JDBC:postgresql://db:5432/auth"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "jdbc:mysql://db/auth?password=hunter2", "postgresql://db",
      "jdbc:h2", "h2:mem:x"})
  void fromJdbcUrlWhenUnsupportedThenRejectedWithoutEchoingTheUrl(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Dialect.fromJdbcUrl(url));
    assertFalse(e.getMessage().contains("hunter2"));
    assertEquals("unsupported JDBC URL: expected jdbc:h2:... or jdbc:postgresql:...", e.getMessage());
  }

  @Test
  void namedWhenFolderOrEnumNameThenDialect() {
    assertEquals(Dialect.POSTGRESQL, Dialect.named("postgresql"));
    assertEquals(Dialect.H2, Dialect.named(" H2 "));
    assertThrows(IllegalArgumentException.class, () -> Dialect.named("oracle"));
  }
}
