package io.admin.auth.servlet.scheme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written b64token check accepts exactly what the RFC 6750 grammar (as a regex) accepts. */
class BearerSchemeTest {

  private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  @ParameterizedTest
  @ValueSource(strings = {"a", "abc.def.ghi", "A-Z_a~z+0/9", "x=", "x==", "a.b-c_d~e+f/g==", "", "=", "==",
      "a=b", "a b", "a\tb", "a=\u00e9", "\u00e9", "a,b", "a;b", "a\"b", "ab=c=", "a%20b", "a\n"})
  void isB64tokenWhenExamplesThenSameAsGrammar(String s) {
    assertEquals(B64TOKEN.matcher(s).matches(), BearerScheme.isB64token(s), s);
  }

  @Test
  void isB64tokenWhenRandomStringsThenSameAsGrammar() {
    String alphabet = "Aa0._~+/-=  ,;\"\u00e9%\t";
    Random random = new Random(5);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(8); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = b.toString();
      assertEquals(B64TOKEN.matcher(s).matches(), BearerScheme.isB64token(s), s);
    }
  }
}
