package io.admin.auth.core.signin;

import io.admin.auth.core.signin.AuthorizationRequestResult.RedirectError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The authorization response for the client's redirect URI (RFC 6749 section 4.1.2 and 4.1.2.1),
 * always with RFC 9207's {@code iss}. In {@link ResponseMode#QUERY} the servlet redirects to
 * {@link #location()}; in {@link ResponseMode#FORM_POST} it renders an auto-submitting form that
 * posts {@link #parameters()} to {@link #redirectUri()} (the HTML and its escaping are the
 * servlet's job). Immutable.
 *
 * @param redirectUri the redirect URI exactly as the client sent it
 * @param responseMode how the parameters travel
 * @param parameters the response parameters in the order they are sent
 */
public record AuthorizationResponse(
    String redirectUri, ResponseMode responseMode, List<Parameter> parameters) {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * Requires a non-empty redirect URI and the mode, and freezes a copy of the parameters.
   *
   * @param redirectUri the redirect URI exactly as the client sent it; not empty
   * @param responseMode how the parameters travel; required
   * @param parameters the response parameters in the order they are sent
   */
  public AuthorizationResponse {
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(responseMode, "responseMode");
    if (redirectUri.isEmpty()) {
      throw new IllegalArgumentException("redirectUri must not be empty");
    }
    parameters = List.copyOf(parameters);
  }

  /**
   * The success response: {@code code}, {@code state} (when sent) and {@code iss}.
   *
   * @param request the request the code answers
   * @param code the authorization code, as issued
   * @param issuer this server's issuer identifier, sent as {@code iss}
   * @return the response, to redirect or post to the client
   */
  public static AuthorizationResponse success(
      AuthorizationRequest request, String code, String issuer) {
    List<Parameter> p = new ArrayList<>(3);
    p.add(new Parameter("code", code));
    addStateAndIssuer(p, request.state(), issuer);
    return new AuthorizationResponse(request.redirectUri(), request.responseMode(), p);
  }

  /**
   * The error response: {@code error}, {@code error_description}, {@code state} (when usable) and
   * {@code iss}.
   *
   * @param error the error to send back
   * @param issuer this server's issuer identifier, sent as {@code iss}
   * @return the response, to redirect or post to the client
   */
  public static AuthorizationResponse error(RedirectError error, String issuer) {
    List<Parameter> p = new ArrayList<>(4);
    p.add(new Parameter("error", error.error()));
    p.add(new Parameter("error_description", error.description()));
    addStateAndIssuer(p, error.state(), issuer);
    return new AuthorizationResponse(error.redirectUri(), error.responseMode(), p);
  }

  private static void addStateAndIssuer(List<Parameter> p, String state, String issuer) {
    if (state != null) {
      p.add(new Parameter("state", state));
    }
    p.add(new Parameter("iss", issuer));
  }

  /**
   * The redirect URI with the parameters appended to its query, each name and value
   * percent-encoded as UTF-8 (everything but RFC 3986 unreserved characters), joined with
   * {@code ?} or, when the URI has a query already, {@code &}.
   *
   * @return the URI to redirect the browser to
   * @throws IllegalStateException in {@link ResponseMode#FORM_POST}: the client asked that the
   *     code never appear in a URL
   */
  public String location() {
    if (responseMode != ResponseMode.QUERY) {
      throw new IllegalStateException("form_post responses are posted, not redirected");
    }
    StringBuilder b = new StringBuilder(redirectUri.length() + 128).append(redirectUri);
    char last = redirectUri.charAt(redirectUri.length() - 1);
    boolean hasQuery = redirectUri.indexOf('?') >= 0;
    String separator = !hasQuery ? "?" : last == '?' || last == '&' ? "" : "&";
    for (Parameter p : parameters) {
      b.append(separator);
      encode(p.name(), b);
      b.append('=');
      encode(p.value(), b);
      separator = "&";
    }
    return b.toString();
  }

  private static void encode(String s, StringBuilder b) {
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xFF);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append(c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
  }

  /** Names the parameters but prints no value: the code is a credential until redeemed. */
  @Override
  public String toString() {
    return "AuthorizationResponse[redirectUri=" + redirectUri + ", responseMode=" + responseMode
        + ", parameters=" + parameters.stream().map(Parameter::name).toList() + "]";
  }

  /**
   * One response parameter.
   *
   * @param name the parameter name
   * @param value its value, not encoded
   */
  public record Parameter(String name, String value) {
    /**
     * Requires both.
     *
     * @param name the parameter name; required
     * @param value its value, not encoded; required
     */
    public Parameter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    /** The name only: the value may be a code or the client's state. */
    @Override
    public String toString() {
      return "Parameter[name=" + name + "]";
    }
  }
}
