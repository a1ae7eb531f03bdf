package ai.phinite.tools.runtime;

/**
 * The request could not be completed: the connection failed, timed out, or the response could not
 * be read. Whether the server received the request is unknown.
 */
public final class TransportException extends ToolException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message must not contain secret values. */
  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String kind() {
    return "transport";
  }
}
