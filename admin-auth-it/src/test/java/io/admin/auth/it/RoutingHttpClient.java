package io.admin.auth.it;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A load balancer in the client: every request to the public origin is sent to the node that
 * {@code route} picks for it (by its index, 0 for the first request), other requests go as they
 * are. Lets a test say "authorize on node A, everything after on node B" for a client that only
 * knows the public address. Does not follow redirects; thread-safe as the delegate is.
 */
final class RoutingHttpClient extends HttpClient {

  private final HttpClient delegate = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI publicBase;
  private final IntFunction<URI> route;
  private final AtomicInteger sent =
      new AtomicInteger();
  private final List<String> log =
      Collections.synchronizedList(new ArrayList<>());

  RoutingHttpClient(URI publicBase, IntFunction<URI> route) {
    this.publicBase = publicBase;
    this.route = route;
  }

  /** Each routed request as {@code "<method> <path> -> <node port>"}, in order. */
  List<String> log() {
    return List.copyOf(log);
  }

  private HttpRequest routed(HttpRequest request) {
    URI uri = request.uri();
    if (!uri.getScheme().equals(publicBase.getScheme()) || !uri.getHost().equals(
        publicBase.getHost()) || uri.getPort() != publicBase.getPort()) {
      return request;
    }
    URI node = route.apply(sent.getAndIncrement());
    URI target = URI.create(node.getScheme() + "://" + node.getRawAuthority()
        + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    log.add(request.method() + " " + uri.getRawPath() + " -> " + node.getPort());
    return HttpRequest.newBuilder(request, (n, v) -> true).uri(target).build();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return delegate.send(routed(request), handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(routed(request), handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    return delegate.sendAsync(routed(request), handler, push);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
