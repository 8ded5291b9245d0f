package io.admin.auth.core.issue;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.signin.LogoutHint;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.validation.JwtClaims;
import io.admin.auth.core.validation.JwtHeader;
import io.admin.auth.core.validation.JwtValidation;
import io.admin.auth.core.validation.JwtValidators;
import io.admin.auth.core.validation.TokenKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the {@code id_token_hint} of RP-Initiated Logout 1.0 (section 2): an ID token this server
 * signed (RS256, a key of its ring) with its {@code iss}, for one registered client ({@code
 * aud}), by the rules of {@link JwtValidators#idTokenHint}. Expiry is not required: a person may
 * sign out long after the ID token expired. Anything else is one {@code AUTH_TOKEN_INVALID}.
 */
final class IdTokenHints {

  private static final Logger LOG = LoggerFactory.getLogger(IdTokenHints.class);
  private static final int MAX_CHARS = 8192;
  private static final Set<String> ALGORITHMS = Set.of(SigningAlgorithm.RS256.jwsName());
  private static final LogoutHint INVALID =
      new LogoutHint.Invalid(TokenKind.ID_TOKEN_HINT.invalid());

  private final String issuer;
  private final Clock clock;
  private final Duration skew;
  private final JwsCrypto crypto;
  private final Function<String, Optional<SigningKey>> keys;
  private final ClientStore clients;

  IdTokenHints(String issuer, Clock clock, Duration skew, JwsCrypto crypto,
      Function<String, Optional<SigningKey>> keys, ClientStore clients) {
    this.issuer = issuer;
    this.clock = clock;
    this.skew = skew;
    this.crypto = crypto;
    this.keys = keys;
    this.clients = clients;
  }

  /** Who signs out of which client, or {@code AUTH_TOKEN_INVALID}. */
  LogoutHint check(String hint) {
    try {
      return checkParsed(hint);
    } catch (AuthUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // A parser corner nobody foresaw must still be a refusal, never an error page.
      LOG.debug("Unexpected failure checking an ID token hint", e);
      return INVALID;
    }
  }

  private LogoutHint checkParsed(String hint) {
    if (hint == null || hint.isEmpty() || hint.length() > MAX_CHARS) {
      return INVALID;
    }
    int d1 = hint.indexOf('.');
    int d2 = d1 < 0 ? -1 : hint.indexOf('.', d1 + 1);
    if (d1 <= 0 || d2 < 0 || hint.indexOf('.', d2 + 1) >= 0) {
      return INVALID;
    }
    Map<String, Object> header = json(hint, 0, d1);
    Map<String, Object> payload = json(hint, d1 + 1, d2);
    if (header == null || payload == null) {
      return INVALID;
    }
    JwtHeader h = JwtHeader.of(header);
    JwtClaims claims = JwtClaims.of(payload);
    List<String> audience = claims.audience();
    if (audience.size() != 1) {
      return INVALID;
    }
    JwtValidation rules = JwtValidators.idTokenHint(issuer, audience.get(0), ALGORITHMS, skew,
        true, clock);
    if (!rules.header().validate(h).isValid() || !signedByUs(hint, h, d2)
        || !rules.validate(h, claims).isValid()) {
      return INVALID;
    }
    Optional<OAuthClient> client = clients.findById(audience.get(0));
    return client.isEmpty() ? INVALID
        : new LogoutHint.Valid(client.get(), claims.subject());
  }

  private boolean signedByUs(String hint, JwtHeader header, int signedLength) {
    String kid = header.keyId();
    Optional<SigningKey> key = kid == null ? Optional.empty() : keys.apply(kid);
    if (key.isEmpty() || key.get().algorithm() != SigningAlgorithm.RS256) {
      return false;
    }
    byte[] signature = Base64Url.decodeStrict(hint, signedLength + 1, hint.length());
    return signature != null && crypto.verify(key.get(),
        hint.getBytes(StandardCharsets.US_ASCII), signedLength, signature);
  }

  private static Map<String, Object> json(String token, int from, int to) {
    String text = Base64Url.decodeText(token, from, to);
    return text == null ? null : Json.parseObject(text).orElse(null);
  }
}
