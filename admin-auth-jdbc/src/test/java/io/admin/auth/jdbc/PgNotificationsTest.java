package io.admin.auth.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PgNotificationsTest {

  private static void notify(DataSource ds, String channel, String payload) throws Exception {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
      ps.setString(1, channel);
      ps.setString(2, payload);
      ps.execute();
    }
  }

  @Test
  void startWhenNotifiedFromAnotherConnectionThenPayloadsDeliveredInOrder() throws Exception {
    DataSource ds = TestDatabases.freshPostgres();
    List<String> seen = new CopyOnWriteArrayList<>();
    CountDownLatch connected = new CountDownLatch(1);
    CountDownLatch two = new CountDownLatch(2);
    try (PgNotifications listener = new PgNotifications(ds, "test_channel",
        p -> { seen.add(p); two.countDown(); }, connected::countDown, Duration.ofMillis(100))) {
      listener.start();
      assertTrue(connected.await(10, TimeUnit.SECONDS));
      notify(ds, "test_channel", "first");
      notify(ds, "other_channel", "not mine");
      notify(ds, "test_channel", "second");
      assertTrue(two.await(10, TimeUnit.SECONDS));
    }
    assertEquals(List.of("first", "second"), seen);
  }

  @Test
  void startWhenListenerConnectionKilledThenReconnectsAndReportsIt() throws Exception {
    DataSource ds = TestDatabases.freshPostgres();
    CountDownLatch connectedTwice = new CountDownLatch(2);
    CountDownLatch delivered = new CountDownLatch(1);
    try (PgNotifications listener = new PgNotifications(ds, "kill_channel",
        p -> delivered.countDown(), connectedTwice::countDown, Duration.ofMillis(50))) {
      listener.start();
      // Kill the listening backend from outside, as a network drop or DB restart would.
      while (connectedTwice.getCount() == 2) {
        Thread.sleep(10);
      }
      try (Connection c = ds.getConnection()) {
        c.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE query LIKE 'LISTEN kill_channel%' AND pid <> pg_backend_pid()");
      }
      assertTrue(connectedTwice.await(10, TimeUnit.SECONDS), "listener reconnected");
      notify(ds, "kill_channel", "after");
      assertTrue(delivered.await(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void constructorWhenChannelIsNotAPlainIdentifierThenRejected() {
    DataSource ds = TestDatabases.freshH2();
    assertThrows(IllegalArgumentException.class,
        () -> new PgNotifications(ds, "x; DROP TABLE y", p -> { }, () -> { }, Duration.ZERO));
  }
}
