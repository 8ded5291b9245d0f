package io.admin.auth.core.observe;

/** The shared no-op observer: a singleton, so a check for "no observer" is an identity test. */
final class Noop implements AuthObserver {

  static final AuthObserver INSTANCE = new Noop();

  private Noop() {}
}
