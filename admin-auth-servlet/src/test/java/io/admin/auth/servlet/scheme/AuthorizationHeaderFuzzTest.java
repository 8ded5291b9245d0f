package io.admin.auth.servlet.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder.Credentials;
import io.admin.auth.servlet.internal.FakeRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the {@code Authorization} header parsing every built-in scheme shares ({@link
 * AuthorizationHeader}) and the one Basic decoder ({@link BasicCredentialsDecoder}). Properties:
 * nothing throws; the decoder accepts a header only when the scheme reader calls it Basic and
 * decodes exactly its credentials; the decoder agrees with a slow reference (JDK base64, UTF-8
 * checked by round trip, first colon, no control characters, the size bound); and decoded
 * credentials never print the password. A plain {@code mvn verify} replays the committed inputs;
 * {@code JAZZER_FUZZ=1} fuzzes (see SECURITY.md).
 */
class AuthorizationHeaderFuzzTest {

  private static final String[] SCHEMES = {"Basic ", "basic ", "BASIC  ", "Bearer ", "ApiKey ", "Basic", ""};

  private static Optional<Credentials> reference(String token68) {
    if (token68.isEmpty() || token68.length() > BasicCredentialsDecoder.MAX_CREDENTIALS_CHARS) {
      return Optional.empty();
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(token68);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String text = new String(raw, StandardCharsets.UTF_8);
    if (!Arrays.equals(raw, text.getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty(); // malformed UTF-8 does not survive the round trip
    }
    int colon = text.indexOf(':');
    if (colon <= 0 || text.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(text.substring(0, colon), text.substring(colon + 1)));
  }

  /** Any header value, raw or a scheme in front of base64 of fuzzed credentials. */
  @FuzzTest(maxDuration = "10m")
  void authorizationHeaderParsesConsistently(FuzzedDataProvider data) {
    String scheme = SCHEMES[data.consumeInt(0, SCHEMES.length - 1)];
    String header = switch (data.consumeInt(0, 2)) {
      case 0 -> data.consumeRemainingAsString();
      case 1 -> scheme + Base64.getEncoder().encodeToString(data.consumeRemainingAsBytes());
      default -> scheme + data.consumeRemainingAsString();
    };
    HttpServletRequest request = FakeRequest.of(Map.of("Authorization", header), null, new byte[0], -1);

    boolean basic = AuthorizationHeader.uses(request, "Basic");
    boolean bearer = AuthorizationHeader.uses(request, "Bearer");
    assertFalse(basic && bearer, header);
    String credentials = AuthorizationHeader.credentials(header);
    assertEquals(credentials.strip(), credentials, header);

    Optional<Credentials> decoded = BasicCredentialsDecoder.fromHeader(header);
    if (decoded.isPresent()) {
      assertTrue(basic, header);
    }
    if (basic) {
      assertEquals(BasicCredentialsDecoder.decode(credentials), decoded, header);
      assertEquals(reference(credentials), decoded, header);
    } else {
      assertEquals(Optional.empty(), decoded, header);
    }
    decoded.ifPresent(c -> {
      assertFalse(c.user().isEmpty() || c.user().contains(":"), header);
      assertEquals("Credentials[user=" + c.user() + ", password=**********]", c.toString());
    });
  }
}
