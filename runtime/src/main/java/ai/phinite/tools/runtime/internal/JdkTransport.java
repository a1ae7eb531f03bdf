package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live transport: one {@link HttpClient} (safe for concurrent use) on a thread pool this
 * transport owns and shuts down on {@link #close()}, so a closed connection leaves no threads.
 */
public final class JdkTransport implements Transport {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ExecutorService executor;
  private final HttpClient client;
  private final Duration requestTimeout;
  private final long maxResponseBytes;

  /**
   * @param connectTimeout how long to wait for a TCP/TLS connection
   * @param requestTimeout how long to wait for a whole response
   * @param maxResponseBytes the largest response body accepted
   */
  public JdkTransport(Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "phinite-http-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = Executors.newCachedThreadPool(factory);
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build();
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public Response send(PreparedRequest request, Duration timeout) {
    Duration effective = timeout != null ? timeout : requestTimeout;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url())).timeout(effective);
    for (PreparedRequest.Header h : request.headers()) {
      b.header(h.name(), h.value());
    }
    HttpRequest.BodyPublisher publisher = request.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(request.bodyBytes());
    b.method(request.method(), publisher);
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.build(), info -> new Bodies.Limited(maxResponseBytes));
    } catch (HttpConnectTimeoutException e) {
      throw new TransportException(request.operation() + " failed: could not connect to "
          + host(request) + " within the connect timeout", e);
    } catch (HttpTimeoutException e) {
      throw new TransportException(request.operation() + " failed: no response from "
          + host(request) + " within " + effective.toMillis() + " ms", e);
    } catch (IOException e) {
      if (causedBy(e, Bodies.TooLarge.class)) {
        throw new TransportException(request.operation() + " failed: the response is larger than "
            + maxResponseBytes + " bytes", null);
      }
      throw new TransportException(request.operation() + " failed: " + host(request)
          + " could not be reached or its response could not be read ("
          + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException(request.operation() + " was interrupted", e);
    }
    byte[] bytes = response.body();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    String contentType = response.headers().firstValue("content-type").orElse(null);
    return new Response(response.statusCode(), headers, Bodies.parse(bytes, contentType));
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String host(PreparedRequest request) {
    URI uri = URI.create(request.url());
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /**
   * Shuts the thread pool down and, on JDK 21 and later (where {@link HttpClient} is
   * {@link AutoCloseable}), closes the client and its pooled connections at once. JDK 17's client
   * has no {@code close()}: its idle connections and selector thread end when it is garbage
   * collected.
   */
  @Override
  public void close() {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // closing is best effort: nothing more can be released
      }
    }
    executor.shutdownNow();
  }
}
