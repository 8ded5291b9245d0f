package io.admin.auth.httpbench.app;

/** The token request body both endpoints get: {@code client_credentials} asking for every scope of the client. */
public final class TokenRequests {

    /** {@code application/x-www-form-urlencoded}; scopes asked for explicitly, since Spring grants none otherwise. */
    public static final String CLIENT_CREDENTIALS_BODY = "grant_type=client_credentials&scope="
            + TokenEndpointClient.SCOPE.replace(":", "%3A").replace(' ', '+');

    private TokenRequests() {}
}
