/**
 * Not API: the session endpoints, their cookies, the CSRF check, the sealed pending-login state
 * and the cookie scheme of the filter. {@code AdminAuth} builds them from {@link
 * io.admin.auth.servlet.session.BrowserSessions}; nobody else constructs them.
 */
package io.admin.auth.servlet.session.internal;
