package io.admin.auth.core.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashingGateTest {

  @Test
  void runWhenManyCallersThenNeverMoreThanTheBoundAtOnceAndAllComplete() throws Exception {
    HashingGate gate = HashingGate.of(3, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch threeInside = new CountDownLatch(3);
    CountDownLatch open = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        done.add(pool.submit(() -> gate.run(() -> {
          most.accumulateAndGet(running.incrementAndGet(), Math::max);
          threeInside.countDown();
          try {
            open.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          running.decrementAndGet();
          return 1;
        })));
      }
      assertTrue(threeInside.await(30, TimeUnit.SECONDS));
      // The other nine are queued at the gate; give them the chance to (wrongly) get in.
      Thread.sleep(200);
      assertEquals(3, running.get());
      open.countDown();
      for (Future<Integer> f : done) {
        assertEquals(1, f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(3, most.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void runWhenEverySlotTakenBeyondTheWaitThenUnavailableFastAndSlotsComeBack() throws Exception {
    HashingGate gate = HashingGate.of(1, Duration.ofMillis(50));
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    Thread holder = new Thread(() -> gate.run(() -> {
      inside.countDown();
      try {
        return open.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return false;
      }
    }));
    holder.start();
    assertTrue(inside.await(30, TimeUnit.SECONDS));
    assertThrows(AuthUnavailableException.class, () -> gate.run(() -> "never"));
    open.countDown();
    holder.join(30_000);
    assertEquals("runs", gate.run(() -> "runs"));
  }

  @Test
  void runWhenHashingThrowsThenSlotReleased() {
    HashingGate gate = HashingGate.of(1, Duration.ZERO);
    assertThrows(IllegalStateException.class, () -> gate.run(() -> {
      throw new IllegalStateException("boom");
    }));
    assertEquals(2, gate.run(() -> 2));
  }

  @Test
  void ofWhenBoundOrWaitInvalidThenIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> HashingGate.of(0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> HashingGate.of(1, Duration.ofMillis(-1)));
    assertTrue(HashingGate.forAvailableProcessors().maxConcurrent() >= 1);
  }

  @Test
  void runWhenCallerInterruptedThenUnavailableAndInterruptKept() {
    HashingGate gate = HashingGate.of(1, Duration.ofSeconds(5));
    AtomicInteger ran = new AtomicInteger();

    Thread.currentThread().interrupt();
    try {
      assertThrows(AuthUnavailableException.class, () -> gate.run(ran::incrementAndGet));
    } finally {
      assertTrue(Thread.interrupted(), "the interrupt was swallowed");
    }
    assertEquals(0, ran.get());
    assertEquals(1, gate.run(ran::incrementAndGet), "the slot was not taken");
  }
}
