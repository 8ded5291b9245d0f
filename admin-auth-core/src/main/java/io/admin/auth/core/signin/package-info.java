/**
 * The values and rules of signing people in with the authorization code flow and OpenID Connect
 * (see {@code docs/http-contract.md}, "Signing people in"): what an approved authorization request
 * hands the token service ({@link io.admin.auth.core.signin.ApprovedAuthorization}), the code it
 * gets back, PKCE S256 ({@link io.admin.auth.core.signin.Pkce}), which redirect URIs a client may
 * register ({@link io.admin.auth.core.signin.RedirectUris}), which claims each scope releases
 * ({@link io.admin.auth.core.signin.StandardClaims}), and the answers of UserInfo and of the logout
 * hint check. The protocol itself runs in {@link io.admin.auth.core.issue.TokenService}.
 *
 * <p>Depends only on {@code core} and {@code core.spi}.
 */
package io.admin.auth.core.signin;
