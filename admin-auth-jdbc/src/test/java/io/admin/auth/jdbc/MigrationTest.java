package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationTest {

  @Test
  void statementsWhenCommentsAndMultiLineStatementsThenSplitAtLineEndSemicolons() {
    Migration m = new Migration(1, "t", """
        -- a comment; with a semicolon
        CREATE TABLE a (
          x INTEGER -- trailing
        );

        INSERT INTO a VALUES (1);
        """);
    assertEquals(List.of("CREATE TABLE a (\nx INTEGER -- trailing\n)", "INSERT INTO a VALUES (1)"),
        m.statements());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void allWhenLoadedThenEveryVersionInOrderWithStatements(Dialect dialect) {
    List<Migration> all = Migration.all(dialect);
    assertEquals(Migration.NAMES.size(), all.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1, all.get(i).version());
      assertTrue(all.get(i).statements().size() > 0);
    }
  }

  @Test
  void checksumWhenScriptChangesThenDiffers() {
    assertNotEquals(new Migration(1, "t", "A;").checksum(), new Migration(1, "t", "B;").checksum());
    assertEquals(64, new Migration(1, "t", "A;").checksum().length());
  }
}
