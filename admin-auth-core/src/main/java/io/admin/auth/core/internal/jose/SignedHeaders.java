package io.admin.auth.core.internal.jose;

import io.admin.auth.core.SigningAlgorithm;

/**
 * The last few JWS header segments that passed every header check and then a signature check,
 * with what the verifier reads from them ({@code alg}, {@code kid}). Issuers send the same header
 * for every token of a key, so a match skips base64url decoding and JSON parsing of the header; the
 * answer is a pure function of the segment, so a match decides exactly as parsing would. Only
 * segments under a valid signature get in, so nobody can fill it with made-up headers. Fixed size,
 * copy-on-write (writes are rare), lock-free reads, thread-safe.
 */
public final class SignedHeaders {

  /** How many distinct headers are remembered (a few per key in the ring is plenty). */
  static final int SIZE = 16;

  private volatile Header[] headers = new Header[0];
  private int next;

  /** The parsed header whose segment is {@code token[0, end)}, or {@code null}. */
  public Header find(String token, int end) {
    for (Header h : headers) {
      if (h.segment().length() == end && token.startsWith(h.segment())) {
        return h;
      }
    }
    return null;
  }

  /** Remembers a header segment that passed the header and signature checks. */
  public synchronized void add(String segment, SigningAlgorithm alg, String kid) {
    Header[] current = headers;
    for (Header h : current) {
      if (h.segment().equals(segment)) {
        return;
      }
    }
    Header added = new Header(segment, alg, kid);
    Header[] copy;
    if (current.length < SIZE) {
      copy = java.util.Arrays.copyOf(current, current.length + 1);
      copy[current.length] = added;
    } else {
      copy = current.clone();
      copy[next] = added;
      next = (next + 1) % SIZE;
    }
    headers = copy;
  }

  /** A header segment and what it says. */
  public record Header(String segment, SigningAlgorithm alg, String kid) {}
}
