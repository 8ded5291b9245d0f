package io.admin.auth.devserver.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a secret from standard input, never from the command line, where it would land in the
 * shell's history and in every process listing.
 */
final class SecretInput {

  private static final int MAX_BYTES = 4096;

  private SecretInput() {}

  /**
   * The one line on {@code in} (UTF-8, at most 4 KiB) without its line ending; empty when there
   * is no such line (nothing, several lines, too long, not UTF-8).
   */
  static Optional<String> readLine(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      return Optional.empty();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.isEmpty() || text.contains("\n") || text.contains("\r")
        ? Optional.empty() : Optional.of(text);
  }
}
