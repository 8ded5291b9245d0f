package io.admin.auth.core.federation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs a small JSON document with a hard bound on size and on total time (headers and body), so a
 * slow or hostile provider can neither hold a request thread nor fill the heap.
 */
final class BoundedHttpFetcher {

  /** A received response. */
  record Response(int status, String body, HttpHeaders headers) {}

  private final HttpClient client;
  private final Duration readTimeout;
  private final int maxBytes;

  BoundedHttpFetcher(HttpClient client, Duration readTimeout, int maxBytes) {
    this.client = Objects.requireNonNull(client, "client");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    this.maxBytes = maxBytes;
  }

  /** A client that never follows redirects: a redirect could lead from https to anywhere. */
  static HttpClient defaultClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** The response, or an {@link IOException} on network failure, timeout or an oversized body. */
  Response get(URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .GET()
        .timeout(readTimeout)
        .header("Accept", "application/json, application/jwk-set+json")
        .build();
    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request, info -> new LimitedSubscriber(maxBytes));
    try {
      HttpResponse<String> response = future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IOException("no complete response within " + readTimeout, e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
    }
  }

  /** Collects the body as UTF-8 and aborts as soon as it grows past the limit. */
  private static final class LimitedSubscriber implements BodySubscriber<String> {
    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedSubscriber(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (buffer.size() + item.remaining() > maxBytes) {
          result.completeExceptionally(new IOException("response larger than " + maxBytes + " bytes"));
          subscription.cancel();
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toString(StandardCharsets.UTF_8));
    }
  }
}
