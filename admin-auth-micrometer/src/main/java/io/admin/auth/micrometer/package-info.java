/**
 * {@link io.admin.auth.micrometer.AdminAuthMetrics}: admin-auth's meters on a Micrometer {@code
 * MeterRegistry}, wired with {@code AdminAuthMetrics.bindTo(registry)} and handed to the
 * builders as their observer.
 */
package io.admin.auth.micrometer;
