package io.admin.auth.core.issue;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.signin.StandardClaims;
import io.admin.auth.core.spi.AuthorizationCode;
import io.admin.auth.core.spi.Person;
import io.admin.auth.core.spi.PersonDirectory;
import io.admin.auth.core.spi.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Issues OpenID Connect ID tokens (OpenID Connect Core 1.0 section 2), always with an RS256 key
 * (the algorithm every OpenID client supports; the key ring keeps one whatever the access-token
 * algorithm), and reads the people they describe from the {@link PersonDirectory}. Header {@code typ} {@code
 * JWT}, {@code alg}, {@code kid}; claims {@code iss sub aud exp iat auth_time}, {@code nonce} when
 * the request sent one, {@code azp}, then the person's claims the granted scopes release.
 *
 * <p>What keeps an ID token from passing for an access token: its {@code typ} is {@code JWT}, not
 * {@code at+jwt}; it has no {@code client_id}, {@code scope} or {@code jti}; its {@code aud} is a
 * client id, not the API; and it carries {@code auth_time}, {@code azp} and often {@code nonce}.
 */
final class IdTokens {

  static final String AUTH_TIME = "auth_time";
  static final String NONCE = "nonce";
  static final String AUTHORIZED_PARTY = "azp";

  private final String issuer;
  private final Clock clock;
  private final JwsCrypto crypto;
  private final Duration ttl;
  private final Supplier<Optional<SigningKey>> rsaKey;
  private final PersonDirectory people;

  /**
   * @param rsaKey the RS256 key to sign with now (the key ring's active one), or empty when the
   *     ring has none
   */
  IdTokens(String issuer, Clock clock, JwsCrypto crypto, Duration ttl,
      Supplier<Optional<SigningKey>> rsaKey, PersonDirectory people) {
    this.issuer = issuer;
    this.clock = clock;
    this.crypto = crypto;
    this.ttl = ttl;
    this.rsaKey = rsaKey;
    this.people = people;
  }

  /**
   * The person with {@code subject}; one the directory no longer knows is described by the
   * subject alone, as the code proves they signed in moments ago.
   *
   * @throws AuthUnavailableException when the directory cannot be reached
   */
  Person person(String subject) {
    return people.find(subject).orElseGet(() -> Person.of(subject));
  }

  /**
   * An ID token for the person and client of {@code code}.
   *
   * @throws AuthUnavailableException when the key ring has no active RS256 key (possible only
   *     while an algorithm change without a kept RS256 key is being pre-published)
   */
  String issue(AuthorizationCode code, Person person, Set<String> scopes) {
    SigningKey key = rsaKey.get().orElseThrow(() -> new AuthUnavailableException(
        "no active RS256 key to sign ID tokens with"));
    Instant now = clock.instant();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(ClaimNames.ISSUER, issuer);
    claims.put(ClaimNames.SUBJECT, code.subject());
    claims.put(ClaimNames.AUDIENCE, code.clientId());
    claims.put(ClaimNames.EXPIRES_AT, now.plus(ttl).getEpochSecond());
    claims.put(ClaimNames.ISSUED_AT, now.getEpochSecond());
    claims.put(AUTH_TIME, code.authTime().getEpochSecond());
    if (code.nonce() != null) {
      claims.put(NONCE, code.nonce());
    }
    claims.put(AUTHORIZED_PARTY, code.clientId());
    StandardClaims.released(person, scopes).forEach(claims::putIfAbsent);
    return sign(key, claims);
  }

  private String sign(SigningKey key, Map<String, Object> claims) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put(ClaimNames.HEADER_ALG, key.algorithm().jwsName());
    header.put(ClaimNames.HEADER_TYP, "JWT");
    header.put(ClaimNames.HEADER_KID, key.kid());
    String input = encode(Json.write(header)) + "." + encode(Json.write(claims));
    byte[] signature = crypto.sign(key, input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64Url.encode(signature);
  }

  private static String encode(String json) {
    return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
  }
}
