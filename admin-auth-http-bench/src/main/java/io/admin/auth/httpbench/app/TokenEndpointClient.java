package io.admin.auth.httpbench.app;

/**
 * The one client both token endpoints know, and where each endpoint is. Benchmark-only values: the
 * secret is in the repository, so it must never protect anything.
 */
public final class TokenEndpointClient {

    /** The issuer both authorization servers put in their tokens. */
    public static final String ISSUER = "https://as.http-bench.example";
    /** The client that gets no refresh token (the only one Spring Authorization Server has). */
    public static final String CLIENT_ID = "bench-client";
    /** Our second client, the same but registered for refresh tokens. */
    public static final String CLIENT_ID_WITH_REFRESH = "bench-client-rt";
    /** The secret of both clients (at least 16 characters, as our registry demands). */
    public static final String SECRET = "bench-secret-0123456789abcdef";
    /** The scopes each client may have and asks for. */
    public static final String SCOPE = "orders:read orders:write";
    /** Spring Authorization Server's token endpoint. */
    public static final String SAS_TOKEN_PATH = "/oauth2/token";
    /** Our token endpoint. */
    public static final String OUR_TOKEN_PATH = "/api/v3/auth/token";

    private TokenEndpointClient() {}
}
