package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;

/** Sends a prepared request and returns the server's answer, whatever its status. */
public interface Transport extends AutoCloseable {
  /**
   * Sends the request.
   *
   * @param timeout the timeout of this request, or {@code null} for the transport's own
   * @throws ai.phinite.tools.runtime.TransportException when no answer could be had
   */
  Response send(PreparedRequest request, java.time.Duration timeout);

  /** Releases threads and connections; the transport cannot be used afterwards. */
  @Override
  void close();
}
