package io.admin.auth.core.internal.jose;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class EnginePoolTest {

  @Test
  void takeWhenEmptyThenNullAndWhenGivenBackThenSameEngineOnce() {
    EnginePool<Object> pool = new EnginePool<>();
    assertNull(pool.take());
    Object engine = new Object();
    pool.give(engine);
    assertSame(engine, pool.take());
    assertNull(pool.take(), "an engine is handed to one caller at a time");
  }

  @Test
  void giveWhenSlotTakenThenSecondEngineDropped() {
    EnginePool<Object> pool = new EnginePool<>();
    Object first = new Object();
    pool.give(first);
    pool.give(new Object());
    assertSame(first, pool.take());
    assertNull(pool.take());
  }
}
