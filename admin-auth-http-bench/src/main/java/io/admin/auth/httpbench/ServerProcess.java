package io.admin.auth.httpbench;

import io.admin.auth.httpbench.app.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark server in its own JVM: this jar (or class path) started in server mode on a free
 * loopback port, on the server core when pinning, output to a log file. Reads the process's CPU
 * time (user + system, all threads) for the CPU-per-request figure.
 */
final class ServerProcess implements AutoCloseable {

    /** Heap of every server: the same for all, and room for Spring Authorization Server's token records. */
    static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

    private final Mode mode;
    private final int port;
    private final Process process;

    private ServerProcess(Mode mode, int port, Process process) {
        this.mode = mode;
        this.port = port;
        this.process = process;
    }

    /** Starts {@code mode}; call {@link #awaitReady} before sending load. */
    static ServerProcess start(Mode mode, CpuAffinity affinity, Path log) throws IOException {
        int port = freePort();
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(JVM_OPTIONS);
        java.addAll(launcher());
        java.addAll(List.of(HttpBench.SERVER_COMMAND, mode.id(), Integer.toString(port)));
        Process process = new ProcessBuilder(affinity.onServerCore(java))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServerProcess(mode, port, process);
    }

    /** How to start this program again: {@code -jar} from the jar, or the class path in tests and IDEs. */
    private static List<String> launcher() {
        String cp = System.getProperty("java.class.path");
        if (cp.endsWith(".jar") && !cp.contains(java.io.File.pathSeparator)) {
            return List.of("-jar", cp);
        }
        return List.of("-cp", cp, HttpBench.class.getName());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until the server answers HTTP, or fails after {@code timeout} or when the process died. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException(mode.id() + " server exited with " + process.exitValue() + "; see its log");
            }
            if (answers()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException(mode.id() + " server not ready after " + timeout);
    }

    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(address(), 1000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(Requests.hello(port, (String) null));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("HTTP/");
        } catch (IOException e) {
            return false;
        }
    }

    Mode mode() {
        return mode;
    }

    int port() {
        return port;
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** CPU time the server process has used so far, all threads, user and system. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("CPU time of the server process is not available"));
    }

    /**
     * Stops the server process in its tracks ({@code SIGSTOP}): while another server is measured on
     * the shared server core, this one's background work (JIT compilation, GC, timers) must not take
     * that core. Waits until the kernel reports the process stopped.
     */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!"T".equals(state()) && process.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("server process " + process.pid() + " did not stop");
            }
            Thread.sleep(1);
        }
    }

    /** Lets a {@link #pause paused} server run again ({@code SIGCONT}); harmless if it runs. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    // The state letter of /proc/<pid>/stat: R running, S sleeping, T stopped, ...
    String state() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (kill.waitFor() != 0 && process.isAlive()) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Whether the server process is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server: a normal shutdown first, killed if it has not exited 20 s later. */
    @Override
    public void close() {
        try {
            resume(); // a stopped process would not act on the shutdown signal until continued
        } catch (IOException e) {
            // it is destroyed below either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
