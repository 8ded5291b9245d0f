package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.httpbench.app.Mode;
import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness starts a server in its own JVM, checks it, reads its CPU time, pauses it and stops it. */
class ServerProcessTest {

    @Test
    void startWhenOursThenAnswersInItsOwnProcessAndStops() throws Exception {
        Path log = Files.createTempFile("http-bench-server", ".log");
        TokenMinter minter = new TokenMinter(BenchKey.load(), Clock.systemUTC(), Duration.ofHours(1),
                new SecureRandom());
        ServerProcess server = ServerProcess.start(Mode.ADMIN_AUTH, CpuAffinity.detect(false), log);
        try {
            server.awaitReady(Duration.ofMinutes(3));
            Preflight.checkResourceServer(server, true, minter);
            assertTrue(server.cpuTime().toMillis() > 0, "a started JVM has used CPU time");
            byte[] hello = Requests.hello(server.port(), minter.mint("u", TokenMinter.Variant.VALID));

            server.pause();
            assertEquals("T", server.state());
            Duration cpu = server.cpuTime();
            try (Socket s = new Socket()) {
                s.connect(server.address(), 5000); // the kernel still accepts the connection
                s.setSoTimeout(1000);
                s.getOutputStream().write(hello);
                assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read(),
                        "a paused server answers nothing");
            }
            assertEquals(cpu, server.cpuTime(), "a paused server uses no CPU");

            server.resume();
            assertNotEquals("T", server.state());
            Preflight.checkOk(server, hello, "the valid token after resuming");
            server.pause(); // close() must still stop a paused server
        } finally {
            server.close();
        }
        assertFalse(server.isAlive());
        Files.deleteIfExists(log);
    }
}
