package io.admin.auth.core.issue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An RFC 7662 introspection answer. An inactive answer carries nothing but {@code active=false},
 * so it cannot tell a caller why a token is not valid.
 *
 * @param active whether the token is currently valid
 * @param tokenType {@code access_token} or {@code refresh_token}
 * @param scopes granted scopes
 * @param clientId the client the token was issued to
 * @param subject {@code sub}
 * @param issuer {@code iss}
 * @param audience {@code aud}
 * @param issuedAt {@code iat}
 * @param notBefore {@code nbf}, or {@code null}
 * @param expiresAt {@code exp}
 * @param jwtId {@code jti}, or {@code null} for refresh tokens
 */
public record Introspection(
    boolean active,
    String tokenType,
    Set<String> scopes,
    String clientId,
    String subject,
    String issuer,
    List<String> audience,
    Instant issuedAt,
    Instant notBefore,
    Instant expiresAt,
    String jwtId) {

  private static final Introspection INACTIVE =
      new Introspection(false, null, Set.of(), null, null, null, List.of(), null, null, null, null);

  /**
   * Freezes sorted copies of the scopes and a copy of the audience (empty when null).
   *
   * @param active whether the token is currently valid; {@link #inactive()} carries nothing else
   * @param tokenType {@code access_token} or {@code refresh_token}, or {@code null}
   * @param scopes the token's scopes; {@code null} means none
   * @param clientId the client the token was issued to, or {@code null}
   * @param subject the {@code sub}, or {@code null}
   * @param issuer the {@code iss}, or {@code null}
   * @param audience the {@code aud} values; {@code null} means none
   * @param issuedAt the {@code iat}, or {@code null}
   * @param notBefore the {@code nbf}, or {@code null}
   * @param expiresAt the {@code exp}, or {@code null}
   * @param jwtId the {@code jti}, or {@code null} for refresh tokens
   */
  public Introspection {
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    audience = audience == null ? List.of() : List.copyOf(audience);
  }

  /**
   * The answer for anything that is not a currently valid token.
   *
   * @return the one inactive answer
   */
  public static Introspection inactive() {
    return INACTIVE;
  }
}
