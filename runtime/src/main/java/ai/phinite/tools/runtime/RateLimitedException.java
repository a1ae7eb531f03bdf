package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The connection's own rate limit would make this call wait longer than its retry budget, so it
 * was not sent. The message says when to try again.
 */
public final class RateLimitedException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** Creates the exception; {@code retryAfter} is when a slot will be free. */
  public RateLimitedException(String message, Duration retryAfter) {
    super(message, null);
    this.retryAfter = retryAfter;
  }

  @Override
  public String kind() {
    return "rate_limited";
  }

  @Override
  public boolean nothingSent() {
    return true;
  }

  /** How long until the call would be allowed. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = super.toJson();
    json.put("retryAfterSeconds", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    return json;
  }
}
