package io.admin.auth.servlet.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code WWW-Authenticate} challenge (RFC 7235 section 2.1, RFC 9110 section 11.6.1): an
 * auth-scheme name and ordered auth-params, rendered as quoted strings.
 *
 * <p>Parameter values are escaped when rendered (backslash and double quote are backslash-escaped
 * per the quoted-string rule), and characters that may not appear in a header (CR, LF, other
 * controls, non-ASCII) are replaced with {@code ?}, so no value can split or forge a header.
 *
 * @param scheme the auth-scheme token, e.g. {@code Bearer}
 * @param parameters auth-params in rendering order (copied)
 */
public record Challenge(String scheme, Map<String, String> parameters) {

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /**
   * Checks that the scheme and parameter names are RFC 7230 tokens and freezes a copy of the
   * parameters, in order.
   *
   * @param scheme the auth-scheme token; not null
   * @param parameters auth-params in rendering order; null for none; no value may be null
   * @throws IllegalArgumentException if the scheme or a parameter name is not a token
   */
  public Challenge {
    Objects.requireNonNull(scheme, "scheme");
    if (!TOKEN.matcher(scheme).matches()) {
      throw new IllegalArgumentException("auth-scheme must be an RFC 7230 token: " + scheme);
    }
    Map<String, String> copy = new LinkedHashMap<>();
    if (parameters != null) {
      parameters.forEach((k, v) -> {
        if (!TOKEN.matcher(k).matches()) {
          throw new IllegalArgumentException("auth-param name must be a token: " + k);
        }
        copy.put(k, Objects.requireNonNull(v, "value of " + k));
      });
    }
    parameters = Collections.unmodifiableMap(copy);
  }

  /**
   * A challenge with only a {@code realm} parameter, e.g. {@code Bearer realm="admin"}.
   *
   * @param scheme the auth-scheme token, e.g. {@code Bearer}
   * @param realm the realm's value, unquoted; not null
   * @return the challenge
   */
  public static Challenge of(String scheme, String realm) {
    return new Challenge(scheme, Map.of("realm", realm));
  }

  /**
   * The same challenge with one more parameter (replacing an existing one of that name).
   *
   * @param name the auth-param name, a token
   * @param value its value, unquoted and unescaped; not null
   * @return a new challenge; a new name comes last, a replaced one keeps its place
   */
  public Challenge with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(name, value);
    return new Challenge(scheme, copy);
  }

  /**
   * The header value, e.g. {@code Bearer realm="admin", error="invalid_token"}.
   *
   * @return the scheme and its parameters as quoted strings, safe to send as one header value
   */
  public String toHeaderValue() {
    StringBuilder sb = new StringBuilder(scheme);
    String sep = " ";
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      sb.append(sep).append(e.getKey()).append("=\"").append(quote(e.getValue())).append('"');
      sep = ", ";
    }
    return sb.toString();
  }

  static String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        sb.append('?');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
