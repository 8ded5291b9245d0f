package io.admin.auth.core.verify;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.internal.jose.SignedHeaders;
import io.admin.auth.core.internal.jose.StrictJson;
import io.admin.auth.core.VerificationKey;
import io.admin.auth.core.validation.JwtHeader;
import io.admin.auth.core.validation.TokenKind;
import io.admin.auth.core.validation.TokenValidator;
import io.admin.auth.core.validation.ValidationResult;
import java.security.Key;
import java.util.Map;
import java.util.Optional;

/**
 * The header policy and the key choice: the JWS header must pass the kind's header rules, name a
 * {@code kid} the resolver knows, and an {@code alg} that key was made for. A {@code kid} starting
 * with {@link AccessTokenVerifier#TEST_KEY_ID_PREFIX} is refused unless test keys are accepted. Header segments that
 * passed once (and then a signature check) are remembered in {@link SignedHeaders}, so the usual
 * token skips header decoding and parsing; the answer for a segment never changes, so a remembered
 * one decides exactly as parsing would.
 */
final class KeySelector {

  private static final ValidationResult.Rejected MALFORMED_HEADER = invalid("malformed header");
  private static final ValidationResult.Rejected MISSING_KID = invalid("missing kid");
  private static final ValidationResult.Rejected UNSUPPORTED_ALG = invalid("unsupported alg");
  private static final ValidationResult.Rejected UNKNOWN_KID = invalid("unknown kid");
  private static final ValidationResult.Rejected ALG_NOT_FOR_KEY =
      invalid("alg not made for this key");
  private static final ValidationResult.Rejected TEST_KEY = ValidationResult.rejected(
      AuthError.of(AuthErrorCode.AUTH_TOKEN_INVALID, "The access token is signed with a test key"
          + " (kid starting with " + AccessTokenVerifier.TEST_KEY_ID_PREFIX + "), which this"
          + " verifier does not accept."), "test key");

  private final KeyLookup keys;
  private final TokenValidator<JwtHeader> headerRules;
  private final boolean acceptTestKeys;
  private final SignedHeaders headers = new SignedHeaders();

  KeySelector(KeyLookup keys, TokenValidator<JwtHeader> headerRules,
      boolean acceptTestKeys) {
    this.keys = keys;
    this.headerRules = headerRules;
    this.acceptTestKeys = acceptTestKeys;
  }

  /**
   * The key for the header {@code token[0, headerEnd)}, or why it has none.
   *
   * @param known whether the header was remembered (so {@link #remember} has nothing to add)
   * @param failure the rejection, else {@code null}
   */
  record Choice(VerificationKey key, SignedHeaders.Header header, boolean known,
      ValidationResult.Rejected failure) {
    static Choice failed(ValidationResult.Rejected failure) {
      return new Choice(null, null, false, failure);
    }
  }

  /** Chooses the verification key for the header {@code token[0, headerEnd)}. */
  Choice choose(String token, int headerEnd) {
    SignedHeaders.Header known = headers.find(token, headerEnd);
    return known != null ? keyFor(known, true) : chooseUnknown(token, headerEnd);
  }

  /** Remembers the header of a choice whose signature then verified. */
  void remember(Choice choice) {
    if (!choice.known()) {
      SignedHeaders.Header h = choice.header();
      headers.add(h.segment(), h.alg(), h.kid());
    }
  }

  /**
   * The key the resolver returns now for {@code cached}'s kid when it is the same key material,
   * else {@code null}. Often a new object with equal material: a persistent key store decodes its
   * keys again on every reload, which must not empty the verified-token cache every minute.
   */
  VerificationKey currentFor(VerificationKey cached) {
    VerificationKey current = keys.find(cached.kid()).orElse(null);
    if (current == cached) {
      return current;
    }
    if (current == null || current.algorithm() != cached.algorithm()) {
      return null;
    }
    Key now = current.verificationKey();
    return now == cached.verificationKey() || now.equals(cached.verificationKey()) ? current : null;
  }

  private Choice keyFor(SignedHeaders.Header header, boolean known) {
    if (!acceptTestKeys && header.kid().startsWith(AccessTokenVerifier.TEST_KEY_ID_PREFIX)) {
      // Before the lookup: a test key wired into production by mistake must fail loudly.
      return Choice.failed(TEST_KEY);
    }
    Optional<? extends VerificationKey> key = keys.find(header.kid());
    if (key.isEmpty()) {
      return Choice.failed(UNKNOWN_KID);
    }
    if (key.get().algorithm() != header.alg()) {
      return Choice.failed(ALG_NOT_FOR_KEY);
    }
    return new Choice(key.get(), header, known, null);
  }

  // Off the hot path: a header segment not seen (and signed) before.
  private Choice chooseUnknown(String token, int headerEnd) {
    Map<String, Object> json = headerJson(token, headerEnd);
    if (json == null) {
      return Choice.failed(MALFORMED_HEADER);
    }
    JwtHeader header = JwtHeader.of(json);
    ValidationResult rules = headerRules.validate(header);
    if (!rules.isValid()) {
      return Choice.failed((ValidationResult.Rejected) rules);
    }
    String kid = header.keyId();
    if (kid == null) {
      return Choice.failed(MISSING_KID);
    }
    // The header rules allow only algorithms of this library; anything else is still refused here.
    Optional<SigningAlgorithm> alg = SigningAlgorithm.fromJwsName(header.algorithm());
    if (alg.isEmpty()) {
      return Choice.failed(UNSUPPORTED_ALG);
    }
    return keyFor(new SignedHeaders.Header(token.substring(0, headerEnd), alg.get(), kid), false);
  }

  private static ValidationResult.Rejected invalid(String reason) {
    return ValidationResult.rejected(TokenKind.OWN_ACCESS_TOKEN.invalid(), reason);
  }

  private static Map<String, Object> headerJson(String token, int headerEnd) {
    String text = Base64Url.decodeText(token, 0, headerEnd);
    if (text == null) {
      return null;
    }
    Map<String, Object> fast = StrictJson.parseObject(text);
    return fast != null ? fast : Json.parseObject(text).orElse(null);
  }
}
