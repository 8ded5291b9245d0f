package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JdbcTest {

  @Test
  void joinTokensWhenSplitAgainThenSameSortedSet() {
    assertEquals("a b:c users:read", Jdbc.joinTokens(Set.of("users:read", "a", "b:c")));
    assertEquals(Set.of("a", "b:c", "users:read"), Jdbc.splitTokens("a b:c users:read"));
    assertEquals(Set.of(), Jdbc.splitTokens(""));
    assertEquals("", Jdbc.joinTokens(Set.of()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a\tb", "a\nb"})
  void joinTokensWhenTokenCouldNotBeReadBackThenRejected(String token) {
    assertThrows(IllegalArgumentException.class, () -> Jdbc.joinTokens(List.of(token)));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void upsertWhenRowExistsThenReplacedElseInserted(Dialect dialect) {
    Jdbc jdbc = new Jdbc(TestDatabases.freshH2Or(dialect), dialect);
    jdbc.update("setup", "CREATE TABLE u (k VARCHAR(10) PRIMARY KEY, v VARCHAR(10), t TIMESTAMP WITH TIME ZONE)");
    String sql = Jdbc.upsert(dialect, "u", List.of("k"), List.of("k", "v", "t"));
    Instant t = Instant.parse("2026-01-02T03:04:05.123456Z");
    assertEquals(1, jdbc.update("upsert", sql, "a", "1", t));
    jdbc.update("upsert", sql, "a", "2", t);
    jdbc.update("upsert", sql, "b", "3", null);
    assertEquals(List.of("a=2@" + t, "b=3@null"), jdbc.query("read", "SELECT k, v, t FROM u ORDER BY k",
        rs -> rs.getString(1) + "=" + rs.getString(2) + "@" + Jdbc.instant(rs, "t")));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void isUniqueViolationWhenDuplicateKeyThenTrue(Dialect dialect) {
    Jdbc jdbc = new Jdbc(TestDatabases.freshH2Or(dialect), dialect);
    jdbc.update("setup", "CREATE TABLE p (k INTEGER PRIMARY KEY)");
    jdbc.update("insert", "INSERT INTO p VALUES (1)");
    Boolean unique = jdbc.withConnection("dup", c -> {
      try {
        Jdbc.update(c, "INSERT INTO p VALUES (1)");
        return false;
      } catch (java.sql.SQLException e) {
        return Jdbc.isUniqueViolation(e);
      }
    });
    assertTrue(unique);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void updateWhenSqlFailsThenAuthUnavailableWithoutParameterValues(Dialect dialect) {
    Jdbc jdbc = new Jdbc(TestDatabases.freshH2Or(dialect), dialect);
    AuthUnavailableException e = assertThrows(AuthUnavailableException.class,
        () -> jdbc.update("writing a secret", "INSERT INTO missing_table VALUES (?)", "s3cr3t"));
    assertTrue(e.getMessage().startsWith("database unavailable while writing a secret (SQLState "),
        e.getMessage());
    assertTrue(!e.getMessage().contains("s3cr3t"));
  }
}
