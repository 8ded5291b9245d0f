package io.admin.auth.httpbench.app;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The one endpoint every resource-server mode serves: as little work as a Spring MVC handler does. */
@RestController
public class HelloController {

    /** The body of every successful answer. */
    public static final String BODY = "hello";

    /** Answers {@value #BODY} as {@code text/plain}. */
    @GetMapping(path = "/api/hello", produces = "text/plain")
    public String hello() {
        return BODY;
    }
}
