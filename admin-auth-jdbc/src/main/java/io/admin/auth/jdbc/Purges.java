package io.admin.auth.jdbc;

import java.time.Instant;

/** Deletes expired rows in bounded batches. */
final class Purges {

  private Purges() {}

  /**
   * Deletes rows of {@code table} matching {@code condition} (one {@code ?}, bound to {@code at}),
   * at most {@code batchSize} per statement and {@code maxBatches} statements.
   *
   * @return how many rows were deleted
   */
  static int inBatches(Jdbc jdbc, String table, String key, String condition, Instant at,
      int batchSize, int maxBatches) {
    // DELETE ... LIMIT is not portable; a keyed sub-select bounds each statement in both dialects.
    String sql = "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table
        + " WHERE " + condition + " LIMIT " + batchSize + ")";
    int total = 0;
    for (int i = 0; i < maxBatches; i++) {
      int n = jdbc.update("purging " + table, sql, at);
      total += n;
      if (n < batchSize) {
        break;
      }
    }
    return total;
  }
}
