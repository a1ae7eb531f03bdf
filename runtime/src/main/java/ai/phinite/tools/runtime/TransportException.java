package ai.phinite.tools.runtime;

/**
 * The request could not be completed: the connection failed, timed out, or the response could not
 * be read. Whether the server received the request is unknown.
 */
public final class TransportException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /** Creates the exception; the message must not contain secret values. */
  public TransportException(String message, Throwable cause) {
    this(message, cause, 1);
  }

  private TransportException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = attempts;
  }

  /** The same failure, after this many attempts in all (said in the message). */
  public TransportException afterAttempts(int count, boolean retried) {
    String note = count == 1
        ? (retried ? "" : " (not retried: the request may have reached the server, and this"
            + " operation is not idempotent; retrying later is advisable only if it did not)")
        : " (after " + count + " attempts; retrying later is advisable)";
    return new TransportException(getMessage() + note, getCause(), count);
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  @Override
  public com.fasterxml.jackson.databind.node.ObjectNode toJson() {
    com.fasterxml.jackson.databind.node.ObjectNode json = super.toJson();
    json.put("attempts", attempts);
    return json;
  }

  @Override
  public String kind() {
    return "transport";
  }
}
