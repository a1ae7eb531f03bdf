package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;

/**
 * The sender of a dry run, and of preparing a single-step call before it is sent asynchronously:
 * it never sends; the first request an invocation makes stops the invocation (this exception is
 * thrown) and is handed back to the caller.
 */
public final class CapturedRequest extends RuntimeException implements HttpSupport.Sender {
  private static final long serialVersionUID = 1L;

  private transient PreparedRequest request;

  /** Creates an empty capture. */
  public CapturedRequest() {
    super("request captured, nothing sent", null, false, false);
  }

  @Override
  public Response send(PreparedRequest prepared) {
    this.request = prepared;
    throw this;
  }

  /** The captured request, or {@code null} when none was made. */
  public PreparedRequest request() {
    return request;
  }
}
