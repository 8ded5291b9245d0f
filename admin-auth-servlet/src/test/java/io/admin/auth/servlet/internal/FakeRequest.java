package io.admin.auth.servlet.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A minimal {@link HttpServletRequest} for the fuzz tests, which call parsers millions of times and
 * cannot afford a container per call: it answers the headers, content type, length and body it is
 * given, and fails loudly on any other method so a parser that starts reading more is noticed.
 */
public final class FakeRequest {

  private FakeRequest() {}

  /** A request with these headers (exact names) and this body; content length as given. */
  public static HttpServletRequest of(Map<String, String> headers, String contentType, byte[] body,
      long contentLength) {
    ServletInputStream in = new BodyStream(body);
    return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getHeader" -> headers.get((String) args[0]);
          case "getContentType" -> contentType;
          case "getContentLengthLong" -> contentLength;
          case "getContentLength" -> (int) Math.min(Integer.MAX_VALUE, contentLength);
          case "getInputStream" -> in;
          case "toString" -> "FakeRequest";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static final class BodyStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    BodyStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new UnsupportedOperationException("setReadListener");
    }
  }
}
