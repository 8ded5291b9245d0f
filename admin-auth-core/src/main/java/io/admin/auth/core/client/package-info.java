/**
 * The auto-refreshing OAuth 2.0 client of admin-auth, built on {@code java.net.http} only.
 *
 * <p>{@link io.admin.auth.core.client.TokenClient} obtains an access token with the
 * {@code client_credentials} grant, caches it, refreshes it with the (rotating) refresh token
 * before it expires, and falls back to {@code client_credentials} when the refresh token is
 * rejected. {@link io.admin.auth.core.client.AuthorizedHttpClient} puts the token on outgoing
 * requests and recovers once from a rejected token.
 */
package io.admin.auth.core.client;
