package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The request could not be completed: the connection failed, timed out, the call's deadline
 * passed, or the response could not be read or was too large. Whether the server received the
 * request is unknown.
 */
public final class TransportException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final boolean retryable;

  /** Creates the exception; the message must not contain secret values. */
  public TransportException(String message, Throwable cause) {
    this(message, cause, 1, true);
  }

  private TransportException(String message, Throwable cause, int attempts, boolean retryable) {
    super(message, cause);
    this.attempts = attempts;
    this.retryable = retryable;
  }

  /**
   * A response body larger than the limit: never retried, since the same request would get the
   * same answer.
   *
   * @param operation the operation whose response it was
   * @param limit the limit, in bytes
   */
  public static TransportException tooLarge(String operation, long limit) {
    return new TransportException(operation + " failed: the response is larger than " + limit
        + " bytes, the most this connection accepts; not retried, since the same request would"
        + " get the same answer: ask for less (a smaller page, fewer items or fields)", null, 1,
        false);
  }

  /**
   * The same failure, after this many attempts in all (said in the message).
   *
   * @param count the attempts made
   * @param retried whether this failure was one the operation may retry
   */
  public TransportException afterAttempts(int count, boolean retried) {
    String note;
    if (!retryable) {
      note = count == 1 ? "" : " (after " + count + " attempts)";
    } else if (count == 1) {
      note = retried ? "" : " (not retried: the request may have reached the server, and this"
          + " operation is not idempotent; retrying later is advisable only if it did not)";
    } else {
      note = " (after " + count + " attempts; retrying later is advisable)";
    }
    return new TransportException(getMessage() + note, getCause(), count, retryable);
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /**
   * Whether sending the same request again could have another outcome; {@code false} for a
   * response over the size limit.
   */
  public boolean retryable() {
    return retryable;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = super.toJson();
    json.put("attempts", attempts);
    return json;
  }

  @Override
  public String kind() {
    return "transport";
  }
}
