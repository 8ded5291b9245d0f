package io.admin.auth.core;


import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims of an access token (RFC 9068 section 2.2), typed, plus any other claims in
 * {@code extra}. Immutable.
 *
 * @param issuer {@code iss}
 * @param subject {@code sub}
 * @param audience {@code aud} (one or more)
 * @param expiresAt {@code exp}
 * @param issuedAt {@code iat}
 * @param notBefore {@code nbf}, or {@code null}
 * @param jwtId {@code jti}
 * @param clientId {@code client_id}
 * @param scopes {@code scope}, split on spaces
 * @param familyId the private {@link ClaimNames#FAMILY_ID} claim, or {@code null}
 * @param extra every other claim (unmodifiable)
 */
public record TokenClaims(
    String issuer,
    String subject,
    List<String> audience,
    Instant expiresAt,
    Instant issuedAt,
    Instant notBefore,
    String jwtId,
    String clientId,
    Set<String> scopes,
    String familyId,
    Map<String, Object> extra) {

  private static final Set<String> TYPED = Set.of(ClaimNames.ISSUER, ClaimNames.SUBJECT,
      ClaimNames.AUDIENCE, ClaimNames.EXPIRES_AT, ClaimNames.ISSUED_AT, ClaimNames.NOT_BEFORE,
      ClaimNames.JWT_ID, ClaimNames.CLIENT_ID, ClaimNames.SCOPE, ClaimNames.FAMILY_ID);

  /**
   * Requires the registered claims and a non-empty audience, freezes copies of the collections and
   * drops from {@code extra} every claim that has a component of its own.
   *
   * @param issuer the {@code iss} claim; required
   * @param subject the {@code sub} claim; required
   * @param audience the {@code aud} values; required, not empty
   * @param expiresAt the {@code exp} claim; required
   * @param issuedAt the {@code iat} claim; required
   * @param notBefore the {@code nbf} claim, or {@code null} when absent
   * @param jwtId the {@code jti} claim; required
   * @param clientId the {@code client_id} claim; required
   * @param scopes the {@code scope} values; {@code null} means none
   * @param familyId the refresh-token family the token was issued from, or {@code null}
   * @param extra every other claim; {@code null} means none
   */
  public TokenClaims {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(jwtId, "jwtId");
    Objects.requireNonNull(clientId, "clientId");
    audience = List.copyOf(audience);
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("audience must not be empty");
    }
    scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    Map<String, Object> copy = new LinkedHashMap<>(extra == null ? Map.of() : extra);
    copy.keySet().removeAll(TYPED);
    extra = Collections.unmodifiableMap(copy);
  }

  /**
   * The claims as a JSON object (NumericDate as whole seconds), typed claims first.
   *
   * @return a new map in a stable order, ready for the JSON writer
   */
  public Map<String, Object> toJsonObject() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(ClaimNames.ISSUER, issuer);
    m.put(ClaimNames.SUBJECT, subject);
    m.put(ClaimNames.AUDIENCE, audience.size() == 1 ? audience.get(0) : new ArrayList<>(audience));
    m.put(ClaimNames.EXPIRES_AT, expiresAt.getEpochSecond());
    m.put(ClaimNames.ISSUED_AT, issuedAt.getEpochSecond());
    if (notBefore != null) {
      m.put(ClaimNames.NOT_BEFORE, notBefore.getEpochSecond());
    }
    m.put(ClaimNames.JWT_ID, jwtId);
    m.put(ClaimNames.CLIENT_ID, clientId);
    m.put(ClaimNames.SCOPE, String.join(" ", scopes));
    if (familyId != null) {
      m.put(ClaimNames.FAMILY_ID, familyId);
    }
    m.putAll(extra);
    return m;
  }


}
