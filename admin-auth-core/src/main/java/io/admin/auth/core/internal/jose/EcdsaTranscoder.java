package io.admin.auth.core.internal.jose;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Converts ECDSA signatures between JOSE's fixed-size R||S (RFC 7518 section 3.4) and the ASN.1
 * DER {@code SEQUENCE { INTEGER r, INTEGER s }} that JCA speaks.
 */
public final class EcdsaTranscoder {

  private EcdsaTranscoder() {}

  /**
   * DER for a raw signature, or {@code null} when it has the wrong length or R or S is zero (a zero
   * value can never be valid; rejecting it here also guards against CVE-2022-21449-style bugs).
   */
  public static byte[] rawToDer(byte[] raw, int size) {
    if (raw == null || raw.length != size) {
      return null;
    }
    byte[] r = integer(Arrays.copyOfRange(raw, 0, size / 2));
    byte[] s = integer(Arrays.copyOfRange(raw, size / 2, size));
    if (r == null || s == null) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 8);
    int len = r.length + s.length;
    out.write(0x30);
    if (len >= 128) {
      out.write(0x81);
    }
    out.write(len);
    out.writeBytes(r);
    out.writeBytes(s);
    return out.toByteArray();
  }

  /** Raw R||S of {@code size} bytes for a DER signature produced by JCA. */
  public static byte[] derToRaw(byte[] der, int size) {
    int half = size / 2;
    int offset = der[1] == (byte) 0x81 ? 3 : 2;
    byte[] out = new byte[size];
    for (int part = 0; part < 2; part++) {
      if (der[offset] != 0x02) {
        throw new IllegalArgumentException("not a DER ECDSA signature");
      }
      int len = der[offset + 1];
      int start = offset + 2;
      int skip = Math.max(0, len - half);
      int copy = len - skip;
      System.arraycopy(der, start + skip, out, part * half + (half - copy), copy);
      offset = start + len;
    }
    return out;
  }

  // A DER INTEGER (tag, length, minimal big-endian two's complement) for an unsigned value.
  private static byte[] integer(byte[] unsigned) {
    int i = 0;
    while (i < unsigned.length && unsigned[i] == 0) {
      i++;
    }
    if (i == unsigned.length) {
      return null;
    }
    boolean pad = (unsigned[i] & 0x80) != 0;
    int len = unsigned.length - i + (pad ? 1 : 0);
    byte[] out = new byte[len + 2];
    out[0] = 0x02;
    out[1] = (byte) len;
    System.arraycopy(unsigned, i, out, 2 + (pad ? 1 : 0), unsigned.length - i);
    return out;
  }
}
