package io.admin.auth.servlet;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.token.BearerTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * RFC 6750 section 2.1 Bearer authentication: {@code Authorization: Bearer <token>}, verified by
 * a {@link BearerTokenVerifier} (this library's {@code TokenService}, a router over trusted
 * issuers, or the application's own).
 *
 * <p>Only the header form is supported. The form-body (section 2.2) and query-string (section
 * 2.3) forms are deliberately not: tokens in URLs end up in logs, and reading a form body would
 * consume the application's request. The scheme name is matched case-insensitively (RFC 7235
 * section 2.1).
 */
public final class BearerScheme implements AuthScheme {

  /** Tokens longer than this are refused before any parsing, to bound work on hostile input. */
  public static final int MAX_TOKEN_CHARS = 8192;

  static final String MALFORMED = "The access token provided has expired or is malformed.";
  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  private final BearerTokenVerifier verifier;

  /** A Bearer scheme verifying tokens with {@code verifier}. */
  public BearerScheme(BearerTokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public boolean presentIn(HttpServletRequest request) {
    return AuthorizationHeader.uses(request, "Bearer");
  }

  @Override
  public AuthOutcome authenticate(HttpServletRequest request) {
    if (!presentIn(request)) {
      return AuthOutcome.notApplicable();
    }
    String token = AuthorizationHeader.credentials(request.getHeader("Authorization"));
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS || !B64TOKEN.matcher(token).matches()) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID, MALFORMED);
    }
    return verifier.verify(token);
  }

  @Override
  public Challenge challenge(String realm) {
    return Challenge.of("Bearer", realm);
  }
}
