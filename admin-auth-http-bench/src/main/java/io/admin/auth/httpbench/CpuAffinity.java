package io.admin.auth.httpbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins the servers to core 0 and the load generator to core 1 with {@code taskset}, where the
 * machine has it and at least two cores; elsewhere it pins nothing and says so, and the report
 * carries that.
 */
final class CpuAffinity {

    private static final Logger LOG = LoggerFactory.getLogger(CpuAffinity.class);
    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    private final boolean enabled;

    private CpuAffinity(boolean enabled) {
        this.enabled = enabled;
    }

    /** Pinning if {@code wanted}, {@code taskset} exists and there are at least two cores. */
    static CpuAffinity detect(boolean wanted) {
        boolean possible = Files.isExecutable(TASKSET) && Runtime.getRuntime().availableProcessors() >= 2;
        if (wanted && !possible) {
            LOG.warn("Not pinning: needs {} and at least two cores", TASKSET);
        }
        return new CpuAffinity(wanted && possible);
    }

    /** Whether servers and load generator are pinned. */
    boolean enabled() {
        return enabled;
    }

    /** {@code command} prefixed so that it runs on the server core (unchanged when not pinning). */
    List<String> onServerCore(List<String> command) {
        List<String> out = new ArrayList<>();
        if (enabled) {
            out.addAll(List.of(TASKSET.toString(), "-c", "0"));
        }
        out.addAll(command);
        return out;
    }

    /**
     * Moves every thread of this JVM to the load-generator core; threads started later inherit it.
     * Servers are started with their own {@code taskset}, so they do not inherit it.
     */
    void pinSelfToLoadCore() throws IOException, InterruptedException {
        if (!enabled) {
            return;
        }
        long pid = ProcessHandle.current().pid();
        Process p = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", "1", Long.toString(pid))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("taskset could not pin the load generator to core 1");
        }
    }
}
