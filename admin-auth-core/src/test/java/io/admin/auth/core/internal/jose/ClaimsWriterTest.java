package io.admin.auth.core.internal.jose;

import io.admin.auth.core.TokenClaims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written claims writer produces exactly what the general JSON writer would. */
class ClaimsWriterTest {

  private static final Instant T = Instant.parse("2025-03-15T10:00:00Z");

  private static TokenClaims claims(String text, List<String> aud, Instant nbf, String fid) {
    return new TokenClaims("https://iss.test/" + text, "sub " + text, aud, T.plusSeconds(60), T,
        nbf, "jti-" + text, "client " + text, Set.of("b", "a:" + text.replace(" ", "")), fid,
        Map.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "quote \" back \\ slash", "ctl \n\r\t\b\f \u0001 \u001f",
      "uni \u00e9 \u4e2d \ud83d\ude00 \u2028 \u2029 / <>&='", ""})
  void writeWhenAnyStringsThenSameAsJsonWrite(String text) {
    for (TokenClaims c : List.of(claims(text, List.of("aud-1"), T, null),
        claims(text, List.of("aud-1", "aud \"2\""), null, "fam " + text))) {
      assertEquals(Json.write(c.toJsonObject()), ClaimsWriter.write(c));
    }
  }

  @Test
  void writeWhenExtraClaimsThenGeneralWriter() {
    TokenClaims c = new TokenClaims("i", "s", List.of("a"), T, T, null, "j", "c", Set.of(), null,
        Map.of("nested", Map.of("k", List.of(1, true))));
    assertEquals(Json.write(c.toJsonObject()), ClaimsWriter.write(c));
  }
}
