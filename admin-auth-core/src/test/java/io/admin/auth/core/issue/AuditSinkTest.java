package io.admin.auth.core.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admin.auth.core.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSinkTest {

  @Test
  void emitWhenListenerThrowsThenSwallowedAndLaterEventsStillDelivered() {
    List<AuditEvent> seen = new ArrayList<>();
    AuditSink sink = new AuditSink(e -> {
      seen.add(e);
      if (seen.size() == 1) {
        throw new IllegalStateException("listener broken");
      }
    });
    AuditEvent first = new AuditEvent.TokenRevoked(Instant.EPOCH, "c", "access_token", "j1");
    AuditEvent second = new AuditEvent.TokenRevoked(Instant.EPOCH, "c", "access_token", "j2");

    sink.emit(first);
    sink.emit(second);

    assertEquals(List.of(first, second), seen);
  }
}
