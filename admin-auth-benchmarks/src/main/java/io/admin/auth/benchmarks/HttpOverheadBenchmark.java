package io.admin.auth.benchmarks;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HTTP overhead of the real {@code AdminAuthFilter}: one embedded Jetty 12 with three contexts serving the
 * same trivial servlet ({@code 200 ok}), loaded over loopback by {@code java.net.http} clients in the same
 * JVM, two client threads (so both cores stay busy and the figure is capacity, not round-trip latency).
 * {@code /plain} has no filter; {@code /auth} has the filter with the default token service (default
 * algorithm, verified-token cache on) and API keys; {@code /nocache} the same with the cache off, so every
 * request is a full verification (a cache miss). Report each row as a ratio to {@link #noFilter}, which sends
 * the same {@code Authorization} header as the bearer rows (the container parses it either way; only the
 * filter's work differs).
 * Every response is checked to be 200, so a misconfigured filter cannot look fast by refusing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(2)
public class HttpOverheadBenchmark {

    /** The servlet behind every context: as little work as a handler can do. */
    public static final class OkServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().write("ok");
        }
    }

    /** The server and the credentials, shared by both client threads. */
    @State(Scope.Benchmark)
    public static class Site {
        Server server;
        HttpClient client;
        HttpRequest plain;
        HttpRequest bearerHit;
        HttpRequest bearerMiss;
        HttpRequest apiKey;

        /** Starts Jetty on an ephemeral loopback port and obtains a token per context and an API key. */
        @Setup(Level.Trial)
        public void start() throws Exception {
            SecureRandom random = new SecureRandom();
            DefaultTokenService cached = DefaultTokenService.builder().issuer("https://bench.example").build();
            DefaultTokenService uncached = DefaultTokenService.builder().issuer("https://bench.example")
                    .verifiedTokenCache(false).build();
            byte[] pepper = new byte[32];
            random.nextBytes(pepper);
            ApiKeyService keys = ApiKeyService.builder().store(new InMemoryApiKeyStore())
                    .hasher(SecretHasher.withPepper(pepper)).random(random).build();
            String key = keys.create("owner-1", "bench", Set.of("a"), Duration.ofDays(1)).key();

            ContextHandlerCollection contexts = new ContextHandlerCollection();
            contexts.addHandler(context("/plain", null));
            contexts.addHandler(context("/auth", AdminAuth.builder(cached).apiKeys(keys).accessPolicy(policy())
                    .build()));
            contexts.addHandler(context("/nocache", AdminAuth.builder(uncached).accessPolicy(policy()).build()));
            server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            server.setHandler(contexts);
            server.start();

            String base = "http://127.0.0.1:" + connector.getLocalPort();
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String bearer = "Bearer " + token(cached);
            plain = get(base + "/plain/api/ping").header("Authorization", bearer).build();
            bearerHit = get(base + "/auth/api/ping").header("Authorization", bearer).build();
            bearerMiss = get(base + "/nocache/api/ping").header("Authorization", "Bearer " + token(uncached))
                    .build();
            apiKey = get(base + "/auth/api/ping").header("X-API-Key", key).build();
        }

        /** Stops Jetty. */
        @TearDown(Level.Trial)
        public void stop() throws Exception {
            server.stop();
        }

        private static AccessPolicy policy() {
            // One rule with a scope the credentials hold: the filter authenticates and authorises.
            return AccessPolicy.builder().protectedPrefix("/api").rule("GET", "/api/ping", "a").build();
        }

        private static Handler context(String path, AdminAuth auth) {
            ServletContextHandler context = new ServletContextHandler(path);
            ServletContainerInitializer app = (classes, ctx) -> {
                if (auth != null) {
                    auth.register(ctx);
                }
                ctx.addServlet("ok", new OkServlet()).addMapping("/");
            };
            context.addServletContainerInitializer(app);
            return context;
        }

        private static HttpRequest.Builder get(String uri) {
            return HttpRequest.newBuilder(URI.create(uri)).GET();
        }

        private static String token(DefaultTokenService service) {
            var client = service.registerClient(ClientRegistration.of("bench-client", "bench-secret-0123456789",
                    Set.of("a")));
            TokenResult result = service.clientCredentials(client, Optional.empty());
            return ((TokenResult.Issued) result).response().accessToken();
        }

        int send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return response.statusCode();
        }
    }

    /** @return the status of a request to the context without the filter */
    @Benchmark
    public int noFilter(Site s) throws IOException, InterruptedException {
        return s.send(s.plain);
    }

    /** @return the status of a bearer request answered from the verified-token cache */
    @Benchmark
    public int bearerCacheHit(Site s) throws IOException, InterruptedException {
        return s.send(s.bearerHit);
    }

    /** @return the status of a bearer request fully verified (cache off), default algorithm */
    @Benchmark
    public int bearerCacheMiss(Site s) throws IOException, InterruptedException {
        return s.send(s.bearerMiss);
    }

    /** @return the status of an API key request */
    @Benchmark
    public int apiKey(Site s) throws IOException, InterruptedException {
        return s.send(s.apiKey);
    }
}
