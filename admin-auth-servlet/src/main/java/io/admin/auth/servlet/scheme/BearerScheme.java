package io.admin.auth.servlet.scheme;

import io.admin.auth.servlet.error.Challenge;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.verify.BearerTokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

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

  /** The characters of a {@code b64token} before its {@code =} padding, indexed by ASCII code. */
  private static final boolean[] B64TOKEN_CHARS = b64tokenChars();

  private final BearerTokenVerifier verifier;

  /**
   * A Bearer scheme verifying tokens with {@code verifier}.
   *
   * @param verifier verifies each token of at most {@link #MAX_TOKEN_CHARS} characters; not null
   */
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
    if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS || !isB64token(token)) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID, MALFORMED);
    }
    return verifier.verify(token);
  }

  /**
   * Whether {@code s} is an RFC 6750 section 2.1 {@code b64token}: {@code [A-Za-z0-9._~+/-]+=*}.
   * A loop over a lookup table, not a regular expression: on every protected request a regex over
   * a 700-character token cost several microseconds, more than the verified-token cache hit behind
   * it, and a chain of nine comparisons per character still showed in an HTTP profile.
   */
  static boolean isB64token(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '=') {
      end--;
    }
    if (end == 0) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c >= B64TOKEN_CHARS.length || !B64TOKEN_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  private static boolean[] b64tokenChars() {
    boolean[] ok = new boolean[128];
    for (char c = 'A'; c <= 'Z'; c++) {
      ok[c] = true;
      ok[Character.toLowerCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      ok[c] = true;
    }
    for (char c : new char[] {'.', '_', '~', '+', '/', '-'}) {
      ok[c] = true;
    }
    return ok;
  }

  /** {@code bearer}. */
  @Override
  public String methodName() {
    return "bearer";
  }

  @Override
  public Challenge challenge(String realm) {
    return Challenge.of("Bearer", realm);
  }
}
