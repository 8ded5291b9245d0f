package io.admin.auth.servlet.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-place scheme comparison answers exactly what comparing the scheme's substring answers. */
class AuthorizationHeaderTest {

  /** The definition: the text before the first space (or all of it), equal ignoring case. */
  private static boolean reference(String header, String scheme) {
    int space = header.indexOf(' ');
    return scheme.equalsIgnoreCase(space < 0 ? header : header.substring(0, space));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Bearer abc|Bearer|true", "bearer abc|Bearer|true", "BEARER  abc|Bearer|true", "Bearer|Bearer|true",
      "Bearerabc|Bearer|false", "Beare abc|Bearer|false", "Basic abc|Bearer|false", "' Bearer abc'|Bearer|false",
      "ApiKey k|ApiKey|true", "apikey k|ApiKey|true", "Bearer\tabc|Bearer|false", "''|Bearer|false"})
  void hasSchemeWhenExamplesThenAsDefined(String header, String scheme, boolean expected) {
    assertEquals(expected, AuthorizationHeader.hasScheme(header, scheme), header);
    assertEquals(reference(header, scheme), AuthorizationHeader.hasScheme(header, scheme), header);
  }

  @Test
  void hasSchemeWhenRandomHeadersThenSameAsReference() {
    String alphabet = "BbEeAaRrSsIiCc \t\u0130\u0131\u017f";
    Random random = new Random(11);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String header = b.toString();
      for (String scheme : new String[] {"Bearer", "Basic", "ApiKey"}) {
        assertEquals(reference(header, scheme), AuthorizationHeader.hasScheme(header, scheme), header);
      }
    }
  }
}
