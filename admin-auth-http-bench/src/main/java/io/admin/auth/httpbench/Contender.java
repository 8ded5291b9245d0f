package io.admin.auth.httpbench;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One server as the benchmark sees it: a name for the report, where it listens, how to read the CPU
 * time it has used, and the load it gets in each scenario it takes part in. A scenario without a
 * load is one the server has no equivalent for (Spring Security and the access-token cookie): it is
 * not measured there, and the report says "n/a" rather than inventing a stand-in.
 *
 * @param name the name in the report
 * @param address where the server listens
 * @param cpuTime the CPU time the server process has used so far
 * @param loads the load per scenario name, for the scenarios of the phase the server takes part in
 * @param idle how to pause the server while others are measured, and resume it
 */
record Contender(String name, InetSocketAddress address, Supplier<Duration> cpuTime, Map<String, Load> loads,
        Idle idle) {

    Contender {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(idle, "idle");
        loads = Map.copyOf(loads);
    }

    /** A contender that cannot be paused (a server in the harness's own JVM, in tests). */
    Contender(String name, InetSocketAddress address, Supplier<Duration> cpuTime, Map<String, Load> loads) {
        this(name, address, cpuTime, loads, Idle.NONE);
    }

    /** Whether the server is measured in {@code scenario}. */
    boolean takesPart(String scenario) {
        return loads.containsKey(scenario);
    }

    /** A contender for a server process of the harness. */
    static Contender of(String name, ServerProcess server, Map<String, Load> loads) {
        return new Contender(name, server.address(), server::cpuTime, loads, new Idle() {
            @Override
            public void pause() throws Exception {
                server.pause();
            }

            @Override
            public void resume() throws Exception {
                server.resume();
            }
        });
    }

    /** Pausing a server that is not being measured, and letting it run again. */
    interface Idle {
        /** Nothing to pause. */
        Idle NONE = new Idle() {
            @Override
            public void pause() {
                // nothing runs on its own
            }

            @Override
            public void resume() {
                // nothing was paused
            }
        };

        /** Stops the server until {@link #resume}. */
        void pause() throws Exception;

        /** Lets the server run again. */
        void resume() throws Exception;
    }

    /**
     * What is sent in one scenario and what every answer must be.
     *
     * @param requests pre-encoded requests, sent in turn by all connections
     * @param expectedStatus the status every answer must have
     */
    record Load(List<byte[]> requests, int expectedStatus) {
        Load {
            requests = List.copyOf(requests);
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("a load needs at least one request");
            }
        }
    }
}
