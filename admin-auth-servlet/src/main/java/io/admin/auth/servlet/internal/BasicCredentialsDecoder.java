package io.admin.auth.servlet.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes HTTP Basic credentials (RFC 7617) for every place that reads them: the filter's Basic
 * scheme and client authentication at the token, revocation and introspection endpoints. One
 * decoder, so a header one of them refuses is refused by the other as well.
 *
 * <p>Refused (empty, never an exception): more than {@value #MAX_CREDENTIALS_CHARS} characters
 * (checked before decoding), invalid base64, invalid UTF-8, no colon, an empty user id, and
 * control characters anywhere (RFC 7617 section 2). The user id ends at the <em>first</em>
 * colon, so passwords may contain colons.
 */
public final class BasicCredentialsDecoder {

  /** Credentials (the base64 part) longer than this are refused without decoding. */
  public static final int MAX_CREDENTIALS_CHARS = 4096;

  private BasicCredentialsDecoder() {}

  /** Decoded credentials; the password is masked in {@link #toString()}. */
  public record Credentials(String user, String password) {
    /** Never prints the password. */
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=**********]";
    }
  }

  /**
   * The credentials of a whole {@code Authorization} header value, or empty when its scheme is not
   * {@code Basic} (case-insensitive) or the credentials are malformed.
   */
  public static Optional<Credentials> fromHeader(String header) {
    if (header == null) {
      return Optional.empty();
    }
    int space = header.indexOf(' ');
    if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) {
      return Optional.empty();
    }
    return decode(header.substring(space + 1).strip());
  }

  /**
   * The credentials in {@code token68} (the part after {@code "Basic "}): strict base64, strict
   * UTF-8, split at the first colon. Empty for anything malformed.
   */
  public static Optional<Credentials> decode(String token68) {
    if (token68 == null || token68.isEmpty() || token68.length() > MAX_CREDENTIALS_CHARS) {
      return Optional.empty();
    }
    String decoded;
    try {
      byte[] raw = Base64.getDecoder().decode(token68);
      decoded = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw)).toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0 || hasControl(decoded)) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  /** RFC 7617 section 2: neither user id nor password may contain control characters. */
  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
        return true;
      }
    }
    return false;
  }
}
