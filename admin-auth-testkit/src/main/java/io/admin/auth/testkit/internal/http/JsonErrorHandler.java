package io.admin.auth.testkit.internal.http;

import io.admin.auth.servlet.error.AuthErrorRenderer;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for every {@link JettyHost}: answers that Jetty
 * produces itself (a URI it refuses as ambiguous, such as an encoded {@code ..} or {@code /}, an
 * unknown path, an unexpected failure) in the contract's JSON shape instead of an HTML page, so
 * that every error a client of these servers sees is JSON. The container's reason text and any
 * exception are never written, as they may echo the request or reveal internals.
 */
final class JsonErrorHandler extends ErrorHandler {

  JsonErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected boolean generateAcceptableResponse(Request request, Response response,
      Callback callback, String contentType, List<Charset> charsets, int code, String message,
      Throwable cause) {
    return writeJson(response, callback, code);
  }

  /**
   * The same for the server level: Jetty refuses ambiguous URIs before any servlet context is
   * chosen, and the servlet-level handler above writes nothing for such requests.
   */
  static final class ServerLevel extends org.eclipse.jetty.server.handler.ErrorHandler {

    ServerLevel() {
      setShowStacks(false);
      setShowMessageInTitle(false);
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response,
        Callback callback, String contentType, List<Charset> charsets, int code, String message,
        Throwable cause) {
      return writeJson(response, callback, code);
    }
  }

  private static boolean writeJson(Response response, Callback callback, int code) {
    byte[] body = AuthErrorRenderer.containerErrorBody(code).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
