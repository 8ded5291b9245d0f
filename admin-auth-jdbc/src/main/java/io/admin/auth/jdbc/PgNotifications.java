package io.admin.auth.jdbc;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL {@code LISTEN} channel on a dedicated connection and hands each
 * payload to a consumer, on its own daemon thread.
 *
 * <p>The PostgreSQL driver is reached by reflection ({@code PGConnection.getNotifications(int)}),
 * because this module has no JDBC driver as a compile dependency; {@link Connection#unwrap} makes
 * it work through pools such as HikariCP. When the connection breaks, the thread reconnects with
 * back-off and calls {@code onConnected} after each (re)connect, so the owner can reload whatever
 * was notified while nobody listened.
 */
final class PgNotifications implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PgNotifications.class);
  private static final int WAIT_MILLIS = 500;

  private final DataSource dataSource;
  private final String channel;
  private final Consumer<String> onPayload;
  private final Runnable onConnected;
  private final Duration retryDelay;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection current;
  private final CountDownLatch firstListen =
      new CountDownLatch(1);

  /**
   * @param channel a plain SQL identifier (letters, digits, underscore)
   * @param onPayload called on the listener thread for every notification
   * @param onConnected called on the listener thread after every successful {@code LISTEN}
   */
  PgNotifications(DataSource dataSource, String channel, Consumer<String> onPayload,
      Runnable onConnected, Duration retryDelay) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("channel must be a plain lower-case identifier");
    }
    this.channel = channel;
    this.onPayload = Objects.requireNonNull(onPayload, "onPayload");
    this.onConnected = Objects.requireNonNull(onConnected, "onConnected");
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    this.thread = new Thread(this::run, "admin-auth-listen-" + channel);
    this.thread.setDaemon(true);
  }

  /** Starts the listener thread. */
  void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        current = c;
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + channel);
        }
        Object pg = c.unwrap(Class.forName("org.postgresql.PGConnection", true,
            c.getClass().getClassLoader()));
        Method poll = pg.getClass().getMethod("getNotifications", int.class);
        poll.setAccessible(true);
        LOG.debug("listening on channel {}", channel);
        onConnected.run();
        firstListen.countDown();
        while (running) {
          Object batch = poll.invoke(pg, WAIT_MILLIS);
          int n = batch == null ? 0 : Array.getLength(batch);
          for (int i = 0; i < n; i++) {
            Object notification = Array.get(batch, i);
            Method parameter = notification.getClass().getMethod("getParameter");
            parameter.setAccessible(true);
            deliver((String) parameter.invoke(notification));
          }
        }
      } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
        if (!running) {
          return;
        }
        Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
        LOG.warn("LISTEN {} connection failed ({}); retrying in {}; the periodic poll covers the gap",
            channel, cause == null ? e : cause.toString(), retryDelay);
        sleep();
      } finally {
        current = null;
      }
    }
  }

  private void deliver(String payload) {
    try {
      onPayload.accept(payload);
    } catch (RuntimeException e) {
      LOG.error("ignoring a notification on {} that could not be applied", channel, e);
    }
  }

  private void sleep() {
    try {
      Thread.sleep(retryDelay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Waits until the first {@code LISTEN} is in place (and its catch-up reload done). */
  boolean awaitListening(Duration timeout) throws InterruptedException {
    return firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the thread and closes the connection. */
  @Override
  public void close() {
    running = false;
    Connection c = current;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Closing is best effort; the thread ends on its next wake-up either way.
      }
    }
    thread.interrupt();
    try {
      thread.join(WAIT_MILLIS * 4L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
