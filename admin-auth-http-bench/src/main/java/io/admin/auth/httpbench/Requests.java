package io.admin.auth.httpbench;

import io.admin.auth.httpbench.app.AdminAuthResourceServer;
import io.admin.auth.httpbench.app.TokenRequests;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The pre-encoded HTTP/1.1 requests the load generator sends: the same bytes to every server apart
 * from the {@code Host} port and, for the token endpoints, the path. The token goes in the {@code
 * Authorization} header or, in the cookie scenario, in the access-token cookie.
 */
final class Requests {

    /** The resource every resource-server mode serves. */
    static final String HELLO_PATH = "/api/hello";

    private Requests() {}

    /** {@code GET /api/hello}, with {@code Authorization: Bearer <token>} unless {@code token} is null. */
    static byte[] hello(int port, String token) {
        StringBuilder sb = new StringBuilder(1024)
                .append("GET ").append(HELLO_PATH).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Accept: */*\r\n");
        if (token != null) {
            sb.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * {@code GET /api/hello} with the token in the access-token cookie ({@code Cookie: }{@value
     * AdminAuthResourceServer#ACCESS_COOKIE}{@code =<token>}, the name on plain-http loopback) and no
     * {@code Authorization} header; the baseline gets the same bytes and ignores the cookie.
     */
    static byte[] helloWithCookie(int port, String token) {
        return withCookie("GET", port, token, "");
    }

    /** {@code POST /api/hello} (empty body) with the token in the access-token cookie and no CSRF header. */
    static byte[] postHelloWithCookie(int port, String token) {
        return withCookie("POST", port, token, "Content-Length: 0\r\n");
    }

    private static byte[] withCookie(String method, int port, String token, String extraHeaders) {
        return (method + " " + HELLO_PATH + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Accept: */*\r\n"
                + "Cookie: " + AdminAuthResourceServer.ACCESS_COOKIE + "=" + token + "\r\n"
                + extraHeaders
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** One {@link #hello} request per token, in order. */
    static List<byte[]> hello(int port, List<String> tokens) {
        List<byte[]> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(hello(port, token));
        }
        return out;
    }

    /** A {@code client_credentials} token request to {@code path}, the client authenticated by HTTP Basic. */
    static byte[] token(int port, String path, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        byte[] body = TokenRequests.CLIENT_CREDENTIALS_BODY.getBytes(StandardCharsets.US_ASCII);
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Accept: application/json\r\n"
                + "Authorization: Basic " + basic + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }
}
