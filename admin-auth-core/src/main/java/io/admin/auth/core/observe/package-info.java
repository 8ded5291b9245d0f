/**
 * Observation points for metrics: {@link io.admin.auth.core.observe.AuthObserver} receives what
 * happens on the request path and in the background (authentication outcomes, verified-token cache
 * lookups, rate-limit denials, JWK Set fetches, key rotation steps, audit events) without the core
 * depending on any metrics library. The {@code admin-auth-micrometer} module implements it.
 */
package io.admin.auth.core.observe;
