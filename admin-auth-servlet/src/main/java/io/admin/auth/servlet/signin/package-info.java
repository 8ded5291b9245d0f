/**
 * Signing people in (docs/http-contract.md, "Signing people in"): the settings a host
 * application gives {@code AdminAuth} to become an OAuth 2.0 authorization server and OpenID
 * Provider for its own users.
 */
package io.admin.auth.servlet.signin;
