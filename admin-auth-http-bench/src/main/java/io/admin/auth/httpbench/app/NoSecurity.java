package io.admin.auth.httpbench.app;

import org.springframework.context.annotation.Configuration;

/** The baseline: nothing but the endpoint (the mode also switches off Spring Security's auto-configuration). */
@Configuration(proxyBeanMethods = false)
public class NoSecurity {}
