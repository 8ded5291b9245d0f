package io.admin.auth.core.signin;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An authorization request waiting for the person to log in or consent: the request's own
 * parameters and when it first reached the authorization endpoint. The endpoint hands it over the
 * login and consent round trip as a signed handle ({@link
 * io.admin.auth.core.issue.TokenService#signPendingAuthorization}), so that any node can continue
 * it and {@link SignInSteps#next} sees the original {@code requestedAt} (a fresh one would make
 * {@code prompt=login} and {@code max_age} ask for a login forever). Immutable.
 *
 * @param parameters the request's parameters among {@link #PARAMETERS}, one value each; the
 *     request is parsed again, with {@link AuthorizationRequestParser}, when it continues
 * @param requestedAt when the request first reached the authorization endpoint
 */
public record PendingAuthorization(Map<String, String> parameters, Instant requestedAt) {

  /** The parameters an authorization request is continued with; any others are dropped. */
  public static final Set<String> PARAMETERS = Set.of("client_id", "redirect_uri",
      "response_type", "response_mode", "scope", "state", "nonce", "code_challenge",
      "code_challenge_method", "prompt", "max_age");

  /**
   * Checks that every parameter is one of {@link #PARAMETERS} with a value, and freezes a sorted
   * copy.
   *
   * @param parameters the request's parameters, one value each; required
   * @param requestedAt when the request first reached the authorization endpoint; required
   */
  public PendingAuthorization {
    Objects.requireNonNull(requestedAt, "requestedAt");
    Map<String, String> kept = new TreeMap<>();
    Objects.requireNonNull(parameters, "parameters").forEach((name, value) -> {
      if (!PARAMETERS.contains(name) || value == null) {
        throw new IllegalArgumentException("not a parameter of a pending request: " + name);
      }
      kept.put(name, value);
    });
    parameters = Collections.unmodifiableMap(kept);
  }

  /**
   * The pending form of an authorization request that {@link AuthorizationRequestParser} found
   * valid: its known parameters (the parser refused repeated ones; an unknown parameter is not
   * carried over, as the parser ignores it anyway).
   *
   * @param raw the parameters as the servlet request gives them
   * @param requestedAt when the request first reached the authorization endpoint
   * @return the pending request, without unknown or repeated parameters
   */
  public static PendingAuthorization of(Map<String, String[]> raw, Instant requestedAt) {
    Map<String, String> kept = new LinkedHashMap<>();
    raw.forEach((name, values) -> {
      if (PARAMETERS.contains(name) && values != null && values.length == 1
          && values[0] != null) {
        kept.put(name, values[0]);
      }
    });
    return new PendingAuthorization(kept, requestedAt);
  }

  /**
   * The parameters in the shape {@link AuthorizationRequestParser#parse} reads.
   *
   * @return a new map, one value per parameter
   */
  public Map<String, String[]> toParameterMap() {
    Map<String, String[]> m = new LinkedHashMap<>();
    parameters.forEach((name, value) -> m.put(name, new String[] {value}));
    return m;
  }

  /** Names the parameters only: the state, nonce and challenge may be correlatable secrets. */
  @Override
  public String toString() {
    return "PendingAuthorization[parameters=" + parameters.keySet() + ", requestedAt="
        + requestedAt + "]";
  }
}
