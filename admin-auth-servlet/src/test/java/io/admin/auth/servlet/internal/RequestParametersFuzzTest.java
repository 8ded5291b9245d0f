package io.admin.auth.servlet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fuzzes the token-endpoint body parsing ({@link RequestParameters#read}), form and JSON, through
 * a minimal request. Properties: it never throws; a refusal is the contract's {@code
 * auth_request_invalid} with a message of printable ASCII (parameter names are echoed, so nothing
 * from the body may inject control characters); accepted parameters are never empty; a body over
 * the bound is refused; and what it accepts reads back the same after re-encoding (form) or
 * re-writing (JSON), and for JSON agrees with {@link Json#parseObject}. A plain {@code mvn verify}
 * replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes (see SECURITY.md).
 */
class RequestParametersFuzzTest {

  private static final String[] TYPES = {"application/x-www-form-urlencoded",
      "application/json", "Application/JSON; charset=UTF-8",
      "application/x-www-form-urlencoded;charset=utf-8", "text/plain", ""};

  /** Any body under any of the content types, with an honest, absent or lying length. */
  @FuzzTest(maxDuration = "10m")
  void readNeverThrowsAndRoundTrips(FuzzedDataProvider data) throws IOException {
    String type = data.consumeBoolean() ? TYPES[data.consumeInt(0, TYPES.length - 1)]
        : data.consumeString(60);
    int maxBytes = data.consumeInt(0, 2048);
    int lengthMode = data.consumeInt(0, 2);
    byte[] body = data.consumeRemainingAsBytes();
    long length = lengthMode == 0 ? body.length : lengthMode == 1 ? -1 : body.length / 2;

    RequestParameters.Result result = read(type, body, length, maxBytes);
    if (result instanceof RequestParameters.Result.Invalid invalid) {
      assertEquals(AuthErrorCode.AUTH_REQUEST_INVALID, invalid.error().code());
      String message = invalid.error().message();
      assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7f), message);
      return;
    }
    assertTrue(body.length <= maxBytes, "accepted a body over the bound");
    Map<String, String> values = ((RequestParameters.Result.Parsed) result).values();
    assertFalse(values.containsValue(""), values::toString);

    boolean json = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json");
    if (json) {
      Map<String, Object> parsed = Json.parseObject(new String(body, StandardCharsets.UTF_8))
          .orElseThrow(() -> new AssertionError("accepted JSON that Json refuses"));
      values.forEach((k, v) -> assertEquals(parsed.get(k), v, k));
      byte[] again = Json.write(values).getBytes(StandardCharsets.UTF_8);
      assertEquals(values, parsedValues(read("application/json", again, again.length, again.length)));
    } else {
      byte[] again = values.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
      assertEquals(values, parsedValues(read(TYPES[0], again, again.length, again.length)));
    }
  }

  private static RequestParameters.Result read(String type, byte[] body, long length, int max)
      throws IOException {
    return RequestParameters.read(FakeRequest.of(Map.of(), type, body, length), max);
  }

  private static Map<String, String> parsedValues(RequestParameters.Result result) {
    if (result instanceof RequestParameters.Result.Parsed p) {
      return p.values();
    }
    fail("re-encoded parameters refused: " + result);
    return Map.of();
  }
}
