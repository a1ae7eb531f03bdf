package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.TransportException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The default transport: one {@link HttpClient} (HTTP/1.1, redirects never followed) on the
 * runtime's bounded executor, shared by every connection of the runtime. Requests go out with
 * {@code sendAsync}; cancelling a returned future cancels the exchange and stops reading its
 * body, which closes its connection. {@link #sendAndWait} uses {@code send}, which answers on
 * the thread that reads the response where {@code sendAsync} hands every answer over to the
 * common pool first; interrupting it aborts the exchange and stops reading the body.
 */
public final class JdkTransport implements Transport {
  private final HttpClient client;

  /**
   * @param connectTimeout how long to wait for a TCP/TLS connection
   * @param executor where the client runs its work (bounded; never blocked by the runtime)
   */
  public JdkTransport(Duration connectTimeout, Executor executor) {
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
  }

  @Override
  public CompletableFuture<Response> send(PreparedRequest request, Duration timeout,
      long maxResponseBytes) {
    HttpRequest httpRequest = httpRequest(request, timeout);
    Bodies.Limited body = new Bodies.Limited(maxResponseBytes);
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(httpRequest, info -> body);
    CompletableFuture<Response> out = new CompletableFuture<>();
    exchange.whenComplete((response, error) -> {
      if (error != null) {
        out.completeExceptionally(failure(request, error, timeout, maxResponseBytes));
      } else {
        out.complete(response(response));
      }
    });
    out.whenComplete((response, error) -> {
      if (out.isCancelled()) {
        exchange.cancel(true);
        body.cancel();
      }
    });
    return out;
  }

  @Override
  public Response sendAndWait(PreparedRequest request, Duration timeout, long maxResponseBytes)
      throws InterruptedException {
    HttpRequest httpRequest = httpRequest(request, timeout);
    Bodies.Limited body = new Bodies.Limited(maxResponseBytes);
    HttpResponse<byte[]> response;
    try {
      response = client.send(httpRequest, info -> body);
    } catch (InterruptedException e) {
      body.cancel(); // the client cancels the exchange; on JDK 17 this stops reading the body
      throw e;
    } catch (IOException | RuntimeException e) {
      throw failure(request, e, timeout, maxResponseBytes);
    }
    return response(response);
  }

  /** The JDK request; its timeout covers the headers only, the runtime ends the body in time. */
  private static HttpRequest httpRequest(PreparedRequest request, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
    for (PreparedRequest.Header h : request.headers()) {
      b.header(h.name(), h.value());
    }
    HttpRequest.BodyPublisher publisher = request.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(request.bodyBytes());
    return b.method(request.method(), publisher).build();
  }

  private static Response response(HttpResponse<byte[]> response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    String contentType = response.headers().firstValue("content-type").orElse(null);
    return new Response(response.statusCode(), headers, Bodies.parse(response.body(), contentType));
  }

  private static TransportException failure(PreparedRequest request, Throwable error,
      Duration timeout, long maxResponseBytes) {
    Throwable e = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof TransportException t) {
      return t;
    }
    if (causedBy(e, Bodies.TooLarge.class)) {
      return TransportException.tooLarge(request.operation(), maxResponseBytes);
    }
    if (e instanceof HttpConnectTimeoutException) {
      return new TransportException(request.operation() + " failed: could not connect to "
          + host(request) + " within the connect timeout", e);
    }
    if (e instanceof HttpTimeoutException) {
      return new TransportException(request.operation() + " failed: no response from "
          + host(request) + " within " + Durations.text(timeout), e);
    }
    if (e instanceof IOException) {
      return new TransportException(request.operation() + " failed: " + host(request)
          + " could not be reached or its response could not be read ("
          + e.getClass().getSimpleName() + ")", e);
    }
    return new TransportException(request.operation() + " failed: the request could not be"
        + " sent (" + e.getClass().getSimpleName() + ")", e);
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  static String host(PreparedRequest request) {
    URI uri = URI.create(request.url());
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /**
   * On JDK 21 and later closes the client and its pooled connections at once
   * ({@code HttpClient.shutdownNow()}, looked up by name since JDK 17 has no such method). JDK 17's
   * client cannot be closed: its idle connections and its one selector thread end when it is
   * garbage collected.
   */
  @Override
  public void close() {
    try {
      HttpClient.class.getMethod("shutdownNow").invoke(client);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // JDK 17: nothing more can be released
    }
  }
}
