/**
 * The OAuth endpoint servlets (token, revocation, introspection, JWK Set, metadata) and the
 * request handling they share. {@link io.admin.auth.servlet.config.AdminAuth} creates and maps
 * them; applications get them through {@link io.admin.auth.servlet.config.AdminAuth#servlets()}
 * and never construct them. Public only for that cross-package wiring: not an API, anything here
 * may change in any release.
 */
package io.admin.auth.servlet.endpoint.internal;
