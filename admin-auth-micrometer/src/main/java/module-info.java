/**
 * admin-auth metrics on Micrometer: an {@link io.admin.auth.core.observe.AuthObserver} that counts
 * and times what admin-auth does into any {@code MeterRegistry}. Optional; the only admin-auth
 * module that depends on Micrometer.
 */
// Micrometer ships no module descriptor, only an automatic module name; its types are in this
// module's API (MeterRegistry), so it is required transitively all the same.
@SuppressWarnings("requires-transitive-automatic")
module io.admin.auth.micrometer {
  requires transitive io.admin.auth.core;
  requires transitive micrometer.core;

  exports io.admin.auth.micrometer;
}
