/**
 * The OAuth 2.0 clients of admin-auth, built on {@code java.net.http} only.
 *
 * <p>{@link io.admin.auth.core.client.TokenClient} obtains an access token with the
 * {@code client_credentials} grant, caches it, refreshes it with the (rotating) refresh token
 * before it expires, and falls back to {@code client_credentials} when the refresh token is
 * rejected. {@link io.admin.auth.core.client.AuthorizedHttpClient} puts the token on outgoing
 * requests and recovers once from a rejected token.
 * {@link io.admin.auth.core.client.AuthorizationCodeClient} signs a person in with the
 * authorization code grant and PKCE, and hands back a {@code TokenClient} holding the person's
 * tokens.
 */
package io.admin.auth.core.client;
