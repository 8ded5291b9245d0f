package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DevServerBannerTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "plain|'plain'",
      "it's|'it'\\''s'",
      "\"$(rm -rf /)\"|'$(rm -rf /)'",
  })
  void shellQuoteWhenHostileThenSingleQuotedSafely(String in, String expected) {
    assertEquals(expected, DevServerBanner.shellQuote(in));
  }
}
