package io.admin.auth.httpbench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP/1.1 load generator on raw sockets: a fixed number of keep-alive connections,
 * one thread each, each sending the next request as soon as the previous answer is read. Requests
 * are pre-encoded bytes, so the generator does as little per request as possible and the server,
 * not the client, is the bottleneck. Every answer's status is checked against the expected one.
 */
public final class LoadGenerator {

    /** What one measurement produced. */
    public record Result(long requests, long unexpected, long elapsedNanos, String firstUnexpected) {
        /** Completed requests per second. */
        public double throughput() {
            return requests * 1e9 / elapsedNanos;
        }
    }

    private final InetSocketAddress target;
    private final int connections;

    /** A generator for {@code target} with {@code connections} concurrent connections. */
    public LoadGenerator(InetSocketAddress target, int connections) {
        this.target = Objects.requireNonNull(target, "target");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be positive");
        }
        this.connections = connections;
    }

    /**
     * Sends {@code requests} in turn (shared by all connections, cycling) for {@code duration} and
     * counts the answers; {@code beforeStart} runs just before the connections are released and
     * {@code afterEnd} right after the last one finished (the CPU-time readings).
     */
    public Result run(List<byte[]> requests, int expectedStatus, Duration duration, Runnable beforeStart,
            Runnable afterEnd) throws InterruptedException {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("no requests");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong unexpected = new AtomicLong();
        AtomicReference<String> firstUnexpected = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                boolean counted = false;
                try (Connection conn = new Connection(target)) {
                    ready.countDown();
                    counted = true;
                    go.await();
                    while (System.nanoTime() < deadline[0]) {
                        byte[] request = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
                        int status = conn.exchange(request);
                        done.incrementAndGet();
                        if (status != expectedStatus) {
                            unexpected.incrementAndGet();
                            firstUnexpected.compareAndSet(null, "status " + status + ", expected " + expectedStatus);
                        }
                    }
                } catch (IOException e) {
                    unexpected.incrementAndGet();
                    firstUnexpected.compareAndSet(null, e.toString());
                    if (!counted) {
                        ready.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        ready.await();
        beforeStart.run();
        long start = System.nanoTime();
        deadline[0] = start + duration.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        afterEnd.run();
        return new Result(done.get(), unexpected.get(), elapsed, firstUnexpected.get());
    }

    /** One keep-alive connection; reconnects when the server closes it. */
    private static final class Connection implements AutoCloseable {
        private final InetSocketAddress target;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(InetSocketAddress target) throws IOException {
            this.target = target;
            connect();
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(target, 10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            HttpResponseReader.Response response = HttpResponseReader.read(in);
            if (response.close()) {
                socket.close();
                connect();
            }
            return response.status();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
