package io.admin.auth.core.testing;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.observe.KeyRotationStep;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AuthObserver} that writes every call down as a short line ({@code "cache hit"},
 * {@code "auth bearer AUTH_TOKEN_INVALID"}, {@code "rate basic_per_user"}, ...), for tests of the
 * observation points. Durations are not recorded: tests never depend on wall-clock time.
 */
public final class RecordingObserver implements AuthObserver {

  private final List<String> calls = new ArrayList<>();
  private final List<AuditEvent> events = new ArrayList<>();

  /** Every call so far, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The audit events received so far, in order. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /** How many calls were exactly {@code line}. */
  public synchronized long count(String line) {
    return calls.stream().filter(line::equals).count();
  }

  private synchronized void add(String line) {
    calls.add(line);
  }

  @Override
  public void authentication(String method, AuthErrorCode error, long nanos) {
    add("auth " + method + " " + (error == null ? "ok" : error.name()));
  }

  @Override
  public void authenticationUnavailable(String method, long nanos) {
    add("unavailable " + method);
  }

  @Override
  public void verifiedTokenCacheHit() {
    add("cache hit");
  }

  @Override
  public void verifiedTokenCacheMiss() {
    add("cache miss");
  }

  @Override
  public void rateLimited(String limit) {
    add("rate " + limit);
  }

  @Override
  public void jwksFetch(String issuer, boolean success) {
    add("jwks " + issuer + " " + (success ? "ok" : "failed"));
  }

  @Override
  public void keyRotation(KeyRotationStep step) {
    add("key " + step.tagValue());
  }

  @Override
  public synchronized void auditEvent(AuditEvent event) {
    events.add(event);
    calls.add("audit " + event.getClass().getSimpleName());
  }
}
