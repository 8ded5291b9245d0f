package io.admin.auth.core.verify;

import static io.admin.auth.core.verify.TestJws.AUDIENCE;
import static io.admin.auth.core.verify.TestJws.ISSUER;
import static io.admin.auth.core.verify.TestJws.KEYS;
import static io.admin.auth.core.verify.TestJws.T0;
import static io.admin.auth.core.verify.TestJws.b64;
import static io.admin.auth.core.verify.TestJws.claims;
import static io.admin.auth.core.verify.TestJws.compact;
import static io.admin.auth.core.verify.TestJws.header;
import static io.admin.auth.core.verify.TestJws.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed tokens: every one must be rejected with the stated code, never accepted
 * and never thrown.
 */
class AccessTokenVerifierHostileInputTest {

  private static final SigningKey RS = KEYS.get(SigningAlgorithm.RS256);
  private static final SigningKey ES = KEYS.get(SigningAlgorithm.ES256);
  private static final String VALID = token(SigningAlgorithm.RS256, claims(T0));

  private final List<AuditEvent> events = new ArrayList<>();
  private final AccessTokenVerifier verifier = AccessTokenVerifier.builder().issuer(ISSUER)
      .audience(AUDIENCE).clock(new MutableClock(T0)).keys(TestJws.RING::find)
      .revocationStore(new InMemoryRevocationStore()).auditListener(events::add).build();

  /**
   * The cases, signed once per class: about sixty RSA signatures, which mutation testing would
   * otherwise repeat for every mutant these tests cover.
   */
  private static final List<Arguments> HOSTILE_TOKENS = buildHostileTokens();

  static Stream<Arguments> hostileTokens() {
    return HOSTILE_TOKENS.stream();
  }

  private static List<Arguments> buildHostileTokens() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "null", "empty", null);
    add(cases, "empty", "empty", "");
    add(cases, "blank", "not a compact JWS", "   ");
    add(cases, "one part", "not a compact JWS", "abc");
    add(cases, "two parts", "not a compact JWS", "a.b");
    add(cases, "four parts", "not a compact JWS", VALID + ".x");
    add(cases, "only dots", "not a compact JWS", "..");
    String[] parts = VALID.split("\\.");
    add(cases, "empty header", "not a compact JWS", "." + parts[1] + "." + parts[2]);
    add(cases, "empty payload", "not a compact JWS", parts[0] + ".." + parts[2]);
    add(cases, "header only and empty rest", "not a compact JWS", parts[0] + "..");
    add(cases, "empty signature", "not a compact JWS", VALID.substring(0, VALID.lastIndexOf('.') + 1));
    add(cases, "leading whitespace", "malformed header", " " + VALID);
    add(cases, "trailing newline", "malformed signature", VALID + "\n");
    add(cases, "scheme prefix", "malformed header", "Bearer " + VALID);
    add(cases, "oversized", "too large", oversized());
    add(cases, "alg none unsigned", "not a compact JWS", b64(Json.write(withHeader(h -> h.put("alg", "none"))))
        + "." + b64(Json.write(claims(T0))) + ".");
    add(cases, "alg none with signature", "unsupported alg", b64(Json.write(withHeader(h -> h.put("alg", "none"))))
        + "." + b64(Json.write(claims(T0))) + "." + VALID.substring(VALID.lastIndexOf('.') + 1));
    add(cases, "alg None", "unsupported alg", signed(withHeader(h -> h.put("alg", "None")), claims(T0), RS));
    add(cases, "alg lower case", "unsupported alg", signed(withHeader(h -> h.put("alg", "rs256")), claims(T0), RS));
    add(cases, "alg missing", "unsupported alg", signed(withHeader(h -> h.remove("alg")), claims(T0), RS));
    add(cases, "alg not a string", "unsupported alg", signed(withHeader(h -> h.put("alg", 1)), claims(T0), RS));
    add(cases, "alg HS256 keyed with RSA public key", "alg not made for this key", hmacWithPublicKey());
    add(cases, "alg ES256 header on RSA kid", "alg not made for this key", signed(withHeader(h -> h.put("alg", "ES256")),
        claims(T0), RS));
    add(cases, "alg PS256 header on RS256 key", "alg not made for this key", signed(withHeader(h -> h.put("alg", "PS256")),
        claims(T0), RS));
    add(cases, "typ missing", "wrong typ", signed(withHeader(h -> h.remove("typ")), claims(T0), RS));
    add(cases, "typ JWT", "wrong typ", signed(withHeader(h -> h.put("typ", "JWT")), claims(T0), RS));
    add(cases, "typ with space", "wrong typ", signed(withHeader(h -> h.put("typ", "at+jwt ")), claims(T0), RS));
    add(cases, "typ not a string", "wrong typ", signed(withHeader(h -> h.put("typ", List.of("at+jwt"))),
        claims(T0), RS));
    add(cases, "kid unknown", "unknown kid", signed(withHeader(h -> h.put("kid", "nope")), claims(T0), RS));
    add(cases, "kid missing", "missing kid", signed(withHeader(h -> h.remove("kid")), claims(T0), RS));
    add(cases, "kid not a string", "missing kid", signed(withHeader(h -> h.put("kid", 7)), claims(T0), RS));
    add(cases, "jwk header", "forbidden header jwk", signed(withHeader(h -> h.put("jwk", Map.of("kty", "oct"))),
        claims(T0), RS));
    add(cases, "jku header", "forbidden header jku", signed(withHeader(h -> h.put("jku", "https://evil.test/jwks")),
        claims(T0), RS));
    add(cases, "x5u header", "forbidden header x5u", signed(withHeader(h -> h.put("x5u", "https://evil.test/cert")),
        claims(T0), RS));
    add(cases, "x5c header", "forbidden header x5c", signed(withHeader(h -> h.put("x5c", List.of("MIIB"))), claims(T0), RS));
    add(cases, "crit unknown", "unsupported crit", signed(withHeader(h -> {
      h.put("crit", List.of("foo"));
      h.put("foo", 1);
    }), claims(T0), RS));
    add(cases, "crit registered name", "unsupported crit", signed(withHeader(h -> h.put("crit", List.of("exp"))),
        claims(T0), RS));
    add(cases, "duplicate header key", "malformed header", compact("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\""
        + RS.kid() + "\",\"alg\":\"none\"}", Json.write(claims(T0)), RS));
    add(cases, "duplicate claim", "missing or malformed claims", compact(Json.write(header(RS)),
        "{\"iss\":\"" + ISSUER + "\",\"sub\":\"a\",\"sub\":\"admin\",\"aud\":\"" + AUDIENCE
        + "\",\"exp\":" + T0.plusSeconds(60).getEpochSecond() + ",\"iat\":"
        + T0.getEpochSecond() + ",\"jti\":\"j\",\"client_id\":\"c\"}", RS));
    add(cases, "header is an array", "malformed header", compact("[]", Json.write(claims(T0)), RS));
    add(cases, "header is a string", "malformed header", compact("\"x\"", Json.write(claims(T0)), RS));
    add(cases, "payload is an array", "missing or malformed claims", compact(Json.write(header(RS)), "[1]", RS));
    add(cases, "payload not JSON", "missing or malformed claims", compact(Json.write(header(RS)), "not json", RS));
    add(cases, "header invalid UTF-8", "malformed header", invalidUtf8Header());
    add(cases, "payload invalid UTF-8", "missing or malformed claims",
        signedRaw(b64(Json.write(header(RS))), b64(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28,
            '"', ':', '1', '}'})));
    add(cases, "payload not base64url", "missing or malformed claims",
        signedRaw(b64(Json.write(header(RS))), "e30+"));
    add(cases, "padding in signature", "malformed signature", VALID + "==");
    add(cases, "standard base64 alphabet", "malformed", VALID.replace('_', '/').replace('-', '+')
        + (VALID.contains("_") || VALID.contains("-") ? "" : "+"));
    add(cases, "non-canonical trailing bits", "malformed signature", nonCanonicalSignature());
    add(cases, "tampered payload", "bad signature", tamperedPayload());
    add(cases, "signature from other key", "bad signature", otherKeySignature());
    add(cases, "es256 zero signature", "bad signature", zeroEs256());
    add(cases, "es256 DER signature", "bad signature", derEs256());
    for (String claim : List.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id")) {
      add(cases, "missing " + claim, "missing or malformed claims", signed(header(RS), withoutClaim(claim), RS));
    }
    add(cases, "exp as string", "missing or malformed claims", signed(header(RS), withClaim("exp", "9999999999"), RS));
    add(cases, "exp huge", "missing or malformed claims", signed(header(RS), withClaim("exp", 1e300), RS));
    add(cases, "exp negative", "missing or malformed claims", signed(header(RS), withClaim("exp", -5), RS));
    add(cases, "aud as number", "missing or malformed claims", signed(header(RS), withClaim("aud", 5), RS));
    add(cases, "aud empty array", "missing or malformed claims", signed(header(RS), withClaim("aud", List.of()), RS));
    add(cases, "scope as array", "missing or malformed claims", signed(header(RS), withClaim("scope", List.of("a")), RS));
    add(cases, "sub empty", "missing or malformed claims", signed(header(RS), withClaim("sub", ""), RS));
    add(cases, "wrong iss", "wrong iss", signed(header(RS), withClaim("iss", "https://evil.test"), RS));
    add(cases, "iss differs in case", "wrong iss", signed(header(RS), withClaim("iss", ISSUER.toUpperCase()),
        RS));
    add(cases, "wrong aud", "wrong aud", signed(header(RS), withClaim("aud", "https://other.test"), RS));
    return List.copyOf(cases);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTokens")
  void verifyWhenHostileThenRejectedWithInvalidCode(String name, String reason, String token) {
    AuthOutcome outcome = verifier.verify(token);
    assertEquals(AuthErrorCode.AUTH_TOKEN_INVALID,
        assertInstanceOf(AuthOutcome.Rejected.class, outcome, name).error().code(), name);
    // The audit reason proves the case failed at the check it was written for.
    var event = assertInstanceOf(AuditEvent.VerificationFailed.class, events.get(0));
    assertTrue(event.reason().startsWith(reason), name + ": " + event.reason());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileTokens")
  void verifyWhenHostileThenValidTokenStillAccepted(String name, String reason, String token) {
    verifier.verify(token);
    assertInstanceOf(AuthOutcome.Authenticated.class, verifier.verify(VALID), name);
  }

  private static void add(List<Arguments> cases, String name, String reason, String token) {
    cases.add(Arguments.of(name, reason, token));
  }

  private static Map<String, Object> withHeader(Consumer<Map<String, Object>> change) {
    Map<String, Object> h = header(RS);
    change.accept(h);
    return h;
  }

  private static Map<String, Object> withoutClaim(String name) {
    Map<String, Object> c = claims(T0);
    c.remove(name);
    return c;
  }

  private static Map<String, Object> withClaim(String name, Object value) {
    Map<String, Object> c = claims(T0);
    c.put(name, value);
    return c;
  }

  private static String signed(Map<String, Object> header, Map<String, Object> claims,
      SigningKey key) {
    return compact(Json.write(header), Json.write(claims), key);
  }

  private static String oversized() {
    Map<String, Object> c = claims(T0);
    c.put("pad", "x".repeat(AccessTokenVerifier.MAX_TOKEN_CHARS));
    return signed(header(RS), c, RS);
  }

  // The classic algorithm-confusion attack: HMAC keyed with the bytes of the RSA public key.
  private static String hmacWithPublicKey() {
    Map<String, Object> h = withHeader(x -> x.put("alg", "HS256"));
    String input = b64(Json.write(h)) + "." + b64(Json.write(claims(T0)));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(RS.verificationKey().getEncoded(), "HmacSHA256"));
      return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A real RS256 signature over the given segments, however malformed they are. */
  private static String signedRaw(String headerSegment, String payloadSegment) {
    String input = headerSegment + "." + payloadSegment;
    return input + "." + b64(JwsCrypto.jdk().sign(RS, input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String invalidUtf8Header() {
    byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
    return b64(bad) + "." + b64(Json.write(claims(T0))) + ".c2ln";
  }

  // A 256-byte RSA signature is 342 base64url chars, whose last char carries 4 unused bits.
  private static String nonCanonicalSignature() {
    char last = VALID.charAt(VALID.length() - 1);
    char flipped = last == 'A' ? 'B' : (char) (last + 1);
    if ((flipped >= 'Z' && flipped <= '`') || flipped > 'z') {
      flipped = 'B';
    }
    return VALID.substring(0, VALID.length() - 1) + flipped;
  }

  private static String tamperedPayload() {
    String[] parts = VALID.split("\\.");
    return parts[0] + "." + b64(Json.write(withClaim("sub", "admin"))) + "." + parts[2];
  }

  private static String otherKeySignature() {
    SigningKey ps = KEYS.get(SigningAlgorithm.PS256);
    Map<String, Object> h = header(RS);
    String input = b64(Json.write(h)) + "." + b64(Json.write(claims(T0)));
    return input + "." + b64(JwsCrypto.jdk().sign(ps, input.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String zeroEs256() {
    return b64(Json.write(header(ES))) + "." + b64(Json.write(claims(T0))) + "."
        + b64(new byte[64]);
  }

  private static String derEs256() {
    String input = b64(Json.write(header(ES))) + "." + b64(Json.write(claims(T0)));
    try {
      java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
      s.initSign((java.security.PrivateKey) ES.signingKey());
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
