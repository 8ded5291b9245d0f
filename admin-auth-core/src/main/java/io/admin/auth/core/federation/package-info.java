/**
 * Acceptance of access tokens minted by third-party OAuth 2.0 / OpenID Connect providers
 * (Keycloak, Auth0, Entra ID, Okta, Google, ...) beside this library's own tokens.
 *
 * <p>{@link io.admin.auth.core.federation.TrustedIssuer} describes one provider;
 * {@link io.admin.auth.core.federation.FederatedTokenVerifier} verifies its tokens against its
 * discovered JWK Set, held by a {@link io.admin.auth.core.federation.RemoteJwkSetCache};
 * {@link io.admin.auth.core.federation.MultiIssuerVerifier} routes each token by its {@code iss} to
 * exactly one verifier, this library's own issuer included. Everything here answers bad tokens with
 * {@link io.admin.auth.core.AuthOutcome.Rejected} and throws
 * {@link io.admin.auth.core.AuthUnavailableException} only when a provider could not be reached and
 * the cached keys cannot stand in for it.
 */
package io.admin.auth.core.federation;
