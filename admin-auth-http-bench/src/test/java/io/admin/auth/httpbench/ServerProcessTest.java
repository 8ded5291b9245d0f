package io.admin.auth.httpbench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.httpbench.app.Mode;
import io.admin.auth.httpbench.tokens.BenchKey;
import io.admin.auth.httpbench.tokens.TokenMinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness starts a server in its own JVM, checks it, reads its CPU time and stops it. */
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
        } finally {
            server.close();
        }
        assertFalse(server.isAlive());
        Files.deleteIfExists(log);
    }
}
