package io.admin.auth.httpbench;

import io.admin.auth.httpbench.tokens.TokenMinter;
import io.admin.auth.httpbench.tokens.TokenMinter.Variant;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The correctness check run against the live servers before any load: a secured server must accept
 * the valid token and refuse every broken {@link Variant} and a missing token; the unsecured one must
 * answer 200. The cookie route gets the same checks with the token in the access-token cookie, plus
 * a cookie-authenticated POST without the CSRF header, which must be refused with 403. The same
 * checks run in {@code mvn verify} in-process; here they guard the processes actually measured.
 */
final class Preflight {

    private Preflight() {}

    /**
     * Checks {@code server}.
     *
     * @throws IllegalStateException naming the first request answered wrongly
     */
    static void checkResourceServer(ServerProcess server, boolean secured, TokenMinter minter) throws IOException {
        expect(server, minter.mint("preflight", Variant.VALID), 200);
        expect(server, null, secured ? 401 : 200);
        if (secured) {
            for (Variant broken : Variant.values()) {
                if (broken != Variant.VALID) {
                    expect(server, minter.mint("preflight", broken), 401);
                }
            }
        }
    }

    /**
     * Checks the cookie route of {@code server}: with our filter, the valid token in the cookie is
     * served, every broken one refused with 401 and a POST without the CSRF header with 403; the
     * unsecured server serves the cookie request.
     *
     * @throws IllegalStateException naming the first request answered wrongly
     */
    static void checkCookieRoute(ServerProcess server, boolean secured, TokenMinter minter) throws IOException {
        int port = server.port();
        expect(server, Requests.helloWithCookie(port, minter.mint("preflight", Variant.VALID)), 200,
                "the valid token in the cookie");
        if (secured) {
            for (Variant broken : Variant.values()) {
                if (broken != Variant.VALID) {
                    expect(server, Requests.helloWithCookie(port, minter.mint("preflight", broken)), 401,
                            "a " + broken + " token in the cookie");
                }
            }
            expect(server, Requests.postHelloWithCookie(port, minter.mint("preflight", Variant.VALID)), 403,
                    "a cookie-authenticated POST without the CSRF header");
        }
    }

    /** Checks that {@code request} to {@code server} is answered {@code 200}. */
    static void checkOk(ServerProcess server, byte[] request, String what) throws IOException {
        int status = exchange(server, request);
        if (status != 200) {
            throw new IllegalStateException(server.mode().id() + ": " + what + " answered " + status);
        }
    }

    private static void expect(ServerProcess server, String token, int expected) throws IOException {
        int status = exchange(server, Requests.hello(server.port(), token));
        if (status != expected) {
            throw new IllegalStateException(server.mode().id() + ": " + describe(token) + " answered " + status
                    + ", expected " + expected);
        }
    }

    private static void expect(ServerProcess server, byte[] request, int expected, String what) throws IOException {
        int status = exchange(server, request);
        if (status != expected) {
            throw new IllegalStateException(server.mode().id() + ": " + what + " answered " + status
                    + ", expected " + expected);
        }
    }

    private static int exchange(ServerProcess server, byte[] request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server.address(), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = new BufferedInputStream(s.getInputStream());
            return HttpResponseReader.read(in).status();
        }
    }

    private static String describe(String token) {
        return token == null ? "a request without a token" : "a token";
    }
}
