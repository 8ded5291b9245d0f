package io.admin.auth.servlet.http;

import io.admin.auth.servlet.AdminAuthFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;

/** Runs around the admin-auth filter and records what is left in the MDC after it returns. */
final class MdcProbeFilter implements Filter {

  final Map<String, String> leftAfter = new ConcurrentHashMap<>();
  volatile boolean ran;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    leftAfter.clear();
    chain.doFilter(req, res);
    String s = MDC.get(AdminAuthFilter.MDC_SUBJECT);
    String c = MDC.get(AdminAuthFilter.MDC_CLIENT_ID);
    if (s != null) {
      leftAfter.put(AdminAuthFilter.MDC_SUBJECT, s);
    }
    if (c != null) {
      leftAfter.put(AdminAuthFilter.MDC_CLIENT_ID, c);
    }
    ran = true;
  }
}
