package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RevocationTablesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RevocationNotice jti(String id, Instant keepUntil) {
    return new RevocationNotice(RevocationNotice.Kind.ACCESS_TOKEN, id, keepUntil);
  }

  private static RevocationNotice family(String id, Instant keepUntil) {
    return new RevocationNotice(RevocationNotice.Kind.FAMILY, id, keepUntil);
  }

  private static List<RevocationNotice> sorted(List<RevocationNotice> all) {
    return all.stream().sorted(Comparator.comparing(RevocationNotice::payload)).toList();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void writeWhenSameIdTwiceThenTheLaterKeepUntilWinsWhateverTheOrder(Dialect dialect) {
    RevocationTables tables = new RevocationTables(new Jdbc(TestDatabases.migrated(dialect),
        dialect));
    tables.write(jti("j1", T0.plusSeconds(60)));
    tables.write(jti("j1", T0.plusSeconds(30)));
    tables.write(family("j1", T0.plusSeconds(10)));
    tables.write(family("j1", T0.plusSeconds(20)));

    assertEquals(List.of(family("j1", T0.plusSeconds(20)), jti("j1", T0.plusSeconds(60))),
        sorted(tables.readAll()));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void purgeExpiredWhenMoreRowsThanABatchThenEveryExpiredRowOfBothTablesDeleted(Dialect dialect) {
    RevocationTables tables = new RevocationTables(new Jdbc(TestDatabases.migrated(dialect),
        dialect));
    for (int i = 0; i < 5; i++) {
      tables.write(jti("j" + i, T0.plusSeconds(i)));
      tables.write(family("f" + i, T0.plusSeconds(i)));
    }

    assertEquals(6, tables.purgeExpired(T0.plusSeconds(3), 2));
    assertEquals(List.of(family("f3", T0.plusSeconds(3)), family("f4", T0.plusSeconds(4)),
        jti("j3", T0.plusSeconds(3)), jti("j4", T0.plusSeconds(4))), sorted(tables.readAll()));
  }
}
