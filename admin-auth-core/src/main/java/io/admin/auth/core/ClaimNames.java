package io.admin.auth.core;

/** The JWT claim and JOSE header names used by this library, in one place. */
public final class ClaimNames {

  /** Issuer (RFC 7519 4.1.1). */
  public static final String ISSUER = "iss";
  /** Subject (RFC 7519 4.1.2). */
  public static final String SUBJECT = "sub";
  /** Audience (RFC 7519 4.1.3). */
  public static final String AUDIENCE = "aud";
  /** Expiration time (RFC 7519 4.1.4). */
  public static final String EXPIRES_AT = "exp";
  /** Not before (RFC 7519 4.1.5). */
  public static final String NOT_BEFORE = "nbf";
  /** Issued at (RFC 7519 4.1.6). */
  public static final String ISSUED_AT = "iat";
  /** JWT id (RFC 7519 4.1.7). */
  public static final String JWT_ID = "jti";
  /** OAuth client id (RFC 9068 2.2, RFC 8693 4.3). */
  public static final String CLIENT_ID = "client_id";
  /** Space-separated scopes (RFC 9068 2.2.3, RFC 8693 4.2). */
  public static final String SCOPE = "scope";
  /**
   * Private claim: the refresh-token family an access token was issued from, so that revoking the
   * family (on refresh-token reuse or revocation) also revokes its access tokens.
   */
  public static final String FAMILY_ID = "fid";

  /** Header: algorithm (RFC 7515 4.1.1). */
  public static final String HEADER_ALG = "alg";
  /** Header: key id (RFC 7515 4.1.4). */
  public static final String HEADER_KID = "kid";
  /** Header: type (RFC 7515 4.1.9). */
  public static final String HEADER_TYP = "typ";
  /** Header: critical extensions (RFC 7515 4.1.11). */
  public static final String HEADER_CRIT = "crit";
  /** The {@code typ} of access tokens (RFC 9068 2.1). */
  public static final String ACCESS_TOKEN_TYP = "at+jwt";

  private ClaimNames() {}
}
