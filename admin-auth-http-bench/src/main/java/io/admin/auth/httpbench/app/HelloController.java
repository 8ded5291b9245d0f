package io.admin.auth.httpbench.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoint every resource-server mode serves: as little work as a Spring MVC handler does. The
 * benchmark loads only {@code GET}; {@code POST} exists so that the correctness tests can show the
 * CSRF check of a cookie-authenticated unsafe request.
 */
@RestController
public class HelloController {

    /** The body of every successful answer. */
    public static final String BODY = "hello";

    /** Answers {@value #BODY} as {@code text/plain}. */
    @GetMapping(path = "/api/hello", produces = "text/plain")
    public String hello() {
        return BODY;
    }

    /** The same answer to a {@code POST}, which changes nothing. */
    @PostMapping(path = "/api/hello", produces = "text/plain")
    public String postHello() {
        return BODY;
    }
}
