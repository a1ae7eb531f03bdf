package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;

/**
 * The transport of a dry run: it never sends; the first request an invocation makes stops the
 * invocation and is handed back to the caller.
 */
public final class CapturedRequest extends RuntimeException implements Transport {
  private static final long serialVersionUID = 1L;

  private transient PreparedRequest request;

  /** Creates an empty capture. */
  public CapturedRequest() {
    super("dry run: request captured, nothing sent", null, false, false);
  }

  @Override
  public Response send(PreparedRequest prepared, java.time.Duration timeout) {
    this.request = prepared;
    throw this;
  }

  /** The captured request, or {@code null} when none was made. */
  public PreparedRequest request() {
    return request;
  }

  @Override
  public void close() {}
}
