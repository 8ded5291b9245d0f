package io.admin.auth.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

  private final List<String> events = new ArrayList<>();

  private Supplier<AutoCloseable> work(String name) {
    return () -> {
      events.add("start " + name);
      return () -> events.add("stop " + name);
    };
  }

  @Test
  void startAndStopWhenCalledTwiceThenEachWorkStartedOnceAndStoppedNewestFirst() {
    BackgroundWork w = new BackgroundWork(List.of(work("a"), work("b")));
    w.start();
    w.start();
    w.stop();
    w.stop();
    assertEquals(List.of("start a", "start b", "stop b", "stop a"), events);
  }

  @Test
  void startWhenAStarterFailsThenWhatStartedIsStoppedAndTheFailureThrown() {
    IllegalStateException boom = new IllegalStateException("boom");
    BackgroundWork w = new BackgroundWork(List.of(work("a"), () -> {
      throw boom;
    }));
    assertSame(boom, assertThrows(IllegalStateException.class, w::start));
    assertEquals(List.of("start a", "stop a"), events);
  }

  @Test
  void stopWhenOneCloseFailsThenTheOthersStillStop() {
    BackgroundWork w = new BackgroundWork(List.of(work("a"), () -> () -> {
      throw new Exception("cannot stop");
    }));
    w.start();
    w.stop();
    assertEquals(List.of("start a", "stop a"), events);
  }
}
