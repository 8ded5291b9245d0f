package io.admin.auth.core.verify;

import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.jose.ParsedClaims;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of the claim values that many tokens repeat, so that the verified-token cache
 * holds them once rather than once per token: {@code iss} and a single-string {@code aud} (equal to
 * the verifier's own, which the rules require) and the typed claims' audience list, {@code
 * client_id}, the {@code scope} string, each scope in it and the principal's set of them (a few
 * clients and scopes serve many users), and an {@code nbf} equal to {@code iat}. The values only come from tokens whose signature verified, and at most {@value
 * #MAX_INTERNED} strings are kept, after which new ones are simply not shared. Thread-safe.
 */
final class ClaimCanon {

  /** The most distinct strings shared; more would be a strange issuer, not worth the memory. */
  static final int MAX_INTERNED = 4096;

  private final String issuer;
  private final String audience;
  private final List<String> audienceList;
  private final ConcurrentHashMap<String, String> interned = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> scopeSets = new ConcurrentHashMap<>();

  ClaimCanon(String issuer, String audience) {
    this.issuer = issuer;
    this.audience = audience;
    this.audienceList = List.of(audience);
  }

  /**
   * Replaces, in {@code payload} (a map the verifier just parsed and owns), values equal to a
   * shared instance by that instance; leaves a map that cannot be changed as it is.
   */
  void share(Map<String, Object> payload) {
    try {
      if (issuer.equals(payload.get(ClaimNames.ISSUER))) {
        payload.put(ClaimNames.ISSUER, issuer);
      }
      if (audience.equals(payload.get(ClaimNames.AUDIENCE))) {
        payload.put(ClaimNames.AUDIENCE, audience);
      }
      if (payload.get(ClaimNames.CLIENT_ID) instanceof String clientId) {
        payload.put(ClaimNames.CLIENT_ID, intern(clientId));
      }
      if (payload.get(ClaimNames.SCOPE) instanceof String scope) {
        payload.put(ClaimNames.SCOPE, intern(scope));
      }
      Object iat = payload.get(ClaimNames.ISSUED_AT);
      Object nbf = payload.get(ClaimNames.NOT_BEFORE);
      if (nbf != null && nbf != iat && nbf.equals(iat)) {
        payload.put(ClaimNames.NOT_BEFORE, iat);
      }
    } catch (UnsupportedOperationException e) {
      // Not our map after all: nothing shared, nothing lost.
    }
  }

  /**
   * {@code claims} (parsed from {@code payload}) with the verifier's audience list when theirs is
   * equal, and the scope set of an earlier token with the same {@code scope} claim (immutable, a
   * principal's) or else their scopes as shared instances.
   */
  ParsedClaims share(ParsedClaims claims, Map<String, Object> payload) {
    List<String> aud = audienceList.equals(claims.audience()) ? audienceList : claims.audience();
    Set<String> scopes = payload.get(ClaimNames.SCOPE) instanceof String raw
        ? scopeSets.get(raw) : null;
    if (scopes == null) {
      scopes = new TreeSet<>();
      for (String s : claims.scopes()) {
        scopes.add(intern(s));
      }
    }
    return claims.sharing(aud, scopes);
  }

  /** Offers {@code scopes}, a principal's immutable set, to later tokens of the same scope claim. */
  void remember(Map<String, Object> payload, Set<String> scopes) {
    if (payload.get(ClaimNames.SCOPE) instanceof String raw && scopeSets.size() < MAX_INTERNED) {
      scopeSets.putIfAbsent(raw, scopes);
    }
  }

  /** Whether {@code value} is a shared instance (so a cached token does not pay for it). */
  boolean isShared(Object value) {
    return value == issuer || value == audience || value == audienceList
        || (value instanceof String s && interned.get(s) == s);
  }

  /** Whether {@code scopes} is the set shared by tokens whose {@code scope} claim is {@code raw}. */
  boolean isShared(Object raw, Set<String> scopes) {
    return raw instanceof String s && scopeSets.get(s) == scopes;
  }

  private String intern(String s) {
    String shared = interned.get(s);
    if (shared != null) {
      return shared;
    }
    if (interned.size() >= MAX_INTERNED) {
      return s;
    }
    shared = interned.putIfAbsent(s, s);
    return shared == null ? s : shared;
  }
}
