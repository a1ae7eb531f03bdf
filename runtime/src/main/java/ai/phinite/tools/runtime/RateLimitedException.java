package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The call cannot go on within its deadline because of a rate limit: either the connection's own
 * (client-side) limit would make it wait too long, so it was not sent, or the server answered 429
 * and asked to wait ({@code Retry-After} or a reset time) longer than the call's remaining
 * deadline. The message and {@link #retryAfter()} say when to try again.
 */
public final class RateLimitedException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final boolean nothingSent;

  /** A client-side limit refused the call; nothing was sent; {@code retryAfter} is when a slot will be free. */
  public RateLimitedException(String message, Duration retryAfter) {
    this(message, retryAfter, true);
  }

  /**
   * @param message what happened, without secret values
   * @param retryAfter when to try again
   * @param nothingSent whether the call was refused before sending (client-side limit) rather
   *     than by the server
   */
  public RateLimitedException(String message, Duration retryAfter, boolean nothingSent) {
    super(message, null);
    this.retryAfter = retryAfter;
    this.nothingSent = nothingSent;
  }

  @Override
  public String kind() {
    return "rate_limited";
  }

  @Override
  public boolean nothingSent() {
    return nothingSent;
  }

  /** How long until the call would be allowed. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = super.toJson();
    json.put("retryAfterSeconds", Math.max(1, retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0)));
    return json;
  }
}
