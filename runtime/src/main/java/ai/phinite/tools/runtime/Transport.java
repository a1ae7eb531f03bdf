package ai.phinite.tools.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends a prepared request and completes with the server's answer, whatever its status. One
 * transport serves every connection of a {@link ToolRuntime}; the default sends with the JDK's
 * {@code java.net.http.HttpClient} (HTTP/1.1, redirects never followed). Bring another with
 * {@link ToolRuntime.Builder#transport(Transport)}.
 *
 * <p>{@link #send} must not block the calling thread for the exchange: it starts it and returns.
 * The runtime enforces every call's deadline itself, whatever the transport does, by cancelling
 * the returned future; a transport aborts the exchange when its future is cancelled.
 *
 * <p>A blocking call ({@code Connection.invoke}) sends its first attempt with
 * {@link #sendAndWait} on its own thread instead, so that no other thread has to hand the answer
 * over; there the runtime ends the exchange at the deadline by interrupting that thread. The
 * default waits for {@link #send}; a transport with a cheaper blocking exchange overrides it, as
 * the default JDK transport does ({@code HttpClient.send}, which skips the hand-over of every
 * {@code sendAsync} answer to the common pool).
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
   * Sends the request and waits for the answer on the calling thread. Interrupting the thread
   * aborts the exchange (the request may have been sent) and throws
   * {@link InterruptedException}.
   *
   * @param request the request, exactly as it goes on the wire
   * @param timeout the most time this attempt may take, the whole response body included
   * @param maxResponseBytes the largest response body to accept; a larger one fails with
   *     {@link TransportException#tooLarge}
   * @return the answer, whatever its status
   * @throws TransportException when no answer could be had
   * @throws InterruptedException when the thread was interrupted; the exchange is aborted
   */
  default Response sendAndWait(PreparedRequest request, Duration timeout, long maxResponseBytes)
      throws InterruptedException {
    CompletableFuture<Response> f = send(request, timeout, maxResponseBytes);
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new TransportException(request.operation() + " failed: the transport failed ("
          + cause.getClass().getSimpleName() + ")", cause);
    }
  }

  /**
   * Releases threads and connections; the transport cannot be used afterwards. A
   * {@link ToolRuntime} closes only the transport it created itself.
   */
  @Override
  void close();
}
