package io.admin.auth.httpbench.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The benchmark's Spring Boot app: Boot's auto-configuration (embedded Tomcat, Spring MVC), {@link
 * HelloController}, and the configuration class of one {@link Mode}. Every mode gets the same server
 * settings: keep-alive connections are never closed by the server (Tomcat's default closes one
 * after 100 requests, which would measure connection set-up), and logging stays at {@code WARN} so
 * that no mode pays for per-request log lines.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(HelloController.class)
public class BenchApp {

    /** Starts {@code mode} on {@code port} (0: any free port) and returns the running context. */
    public static ConfigurableApplicationContext start(Mode mode, int port) {
        Objects.requireNonNull(mode, "mode");
        SpringApplication app = new SpringApplication(BenchApp.class, mode.configuration());
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("server.address", "127.0.0.1");
        properties.put("server.tomcat.max-keep-alive-requests", -1);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.autoconfigure.exclude", String.join(",", mode.excludedAutoConfigurations()));
        properties.put("logging.level.root", "WARN");
        properties.put("spring.application.name", "http-bench-" + mode.id());
        app.setDefaultProperties(properties);
        return app.run();
    }

    /** The port the context's embedded server listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
