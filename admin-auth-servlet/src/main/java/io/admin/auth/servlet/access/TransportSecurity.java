package io.admin.auth.servlet.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Objects;
import java.util.Set;

/**
 * Optional HTTPS enforcement. When required, a request is accepted if the container says it is
 * secure, if it comes directly from a configured trusted proxy whose {@code X-Forwarded-Proto} is
 * {@code https}, or if it comes from a loopback address that is not a configured trusted proxy.
 * {@code X-Forwarded-Proto} from any other address is ignored: anyone can send that header.
 *
 * <p>The proxy is looked at before the loopback exemption: behind a reverse proxy or sidecar on
 * the same host every request arrives from loopback, and only the proxy's forwarded header says
 * whether the client used HTTPS. Immutable.
 */
public final class TransportSecurity {

  private static final TransportSecurity NONE = new TransportSecurity(false, Set.of());

  private final boolean required;
  private final Set<String> trustedProxies;

  private TransportSecurity(boolean required, Set<String> trustedProxies) {
    this.required = required;
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  /**
   * No enforcement (the default: TLS is often terminated in front of the container).
   *
   * @return the shared instance that permits every request
   */
  public static TransportSecurity none() {
    return NONE;
  }

  /**
   * HTTPS required; {@code trustedProxies} are IP address literals (exactly as the container
   * reports {@code getRemoteAddr()}) whose {@code X-Forwarded-Proto} is believed.
   *
   * @param trustedProxies the proxies' addresses (copied); empty to believe no forwarded header
   * @return the enforcing instance
   * @throws IllegalArgumentException if an entry is not an IP literal (host names are refused:
   *     resolving them per request would be slow and spoofable)
   */
  public static TransportSecurity requireHttps(Set<String> trustedProxies) {
    for (String p : trustedProxies) {
      if (p == null || !p.matches("[0-9A-Fa-f.:]+")) {
        throw new IllegalArgumentException("trusted proxy must be an IP address literal: " + p);
      }
    }
    return new TransportSecurity(true, trustedProxies);
  }

  /**
   * Whether HTTPS is enforced.
   *
   * @return false for {@link #none()}
   */
  public boolean required() {
    return required;
  }

  /**
   * Whether {@code request} may be served.
   *
   * @param request the incoming request
   * @return true if nothing is enforced, or the request is secure, forwarded as {@code https} by
   *     a trusted proxy, or from a loopback address that is not a trusted proxy
   */
  public boolean permits(HttpServletRequest request) {
    if (!required || request.isSecure()) {
      return true;
    }
    String remote = Objects.toString(request.getRemoteAddr(), "");
    if (!trustedProxies.contains(remote)) {
      return isLoopback(remote);
    }
    Enumeration<String> values = request.getHeaders("X-Forwarded-Proto");
    boolean any = false;
    while (values != null && values.hasMoreElements()) {
      for (String v : values.nextElement().split(",")) {
        if (!v.strip().equalsIgnoreCase("https")) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("::1")
        || address.equals("0:0:0:0:0:0:0:1") || address.equals("[::1]");
  }
}
