package ai.phinite.tools.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a prepared request and completes with the server's answer, whatever its status. One
 * transport serves every connection of a {@link ToolRuntime}; the default sends with the JDK's
 * {@code java.net.http.HttpClient} (HTTP/1.1, redirects never followed). Bring another with
 * {@link ToolRuntime.Builder#transport(Transport)}.
 *
 * <p>A transport must not block the calling thread for the exchange: {@link #send} starts it and
 * returns. The runtime enforces every call's deadline itself, whatever the transport does, by
 * cancelling the returned future; a transport aborts the exchange when its future is cancelled.
 */
public interface Transport extends AutoCloseable {
  /**
   * Starts sending the request.
   *
   * @param request the request, exactly as it goes on the wire
   * @param timeout the most time this attempt may take, the whole response body included
   * @param maxResponseBytes the largest response body to accept; a larger one fails with
   *     {@link TransportException#tooLarge}
   * @return the answer; completed exceptionally with a {@link TransportException} when no answer
   *     could be had. Cancelling it aborts the exchange.
   */
  CompletableFuture<Response> send(PreparedRequest request, Duration timeout,
      long maxResponseBytes);

  /**
   * Releases threads and connections; the transport cannot be used afterwards. A
   * {@link ToolRuntime} closes only the transport it created itself.
   */
  @Override
  void close();
}
