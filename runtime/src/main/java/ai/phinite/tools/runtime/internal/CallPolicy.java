package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.RateLimit;
import java.time.Duration;

/**
 * How one operation is sent: how often and how long it may be retried, whether failures that may
 * have reached the server are retried, its timeout, and its client-side rate limit.
 *
 * <p>429 and 503 are always retryable: the server says it did not process the request. Other
 * 5xx answers, timeouts and connection failures may have changed something on the server, so
 * they are retried only when {@code retryFailures} (an idempotent operation).
 *
 * @param maxRetries retries after the first attempt
 * @param maxWait the most time spent waiting between attempts, in total
 * @param retryFailures whether other 5xx, timeouts and connection failures are retried
 * @param timeout the request timeout, or {@code null} for the connection's
 * @param rateLimit the operation's own rate limit, or {@code null}
 */
public record CallPolicy(int maxRetries, Duration maxWait, boolean retryFailures, Duration timeout,
    RateLimit rateLimit) {
  /** Defaults: 3 retries within 30 s. */
  public static final int DEFAULT_RETRIES = 3;

  /** Defaults: 3 retries within 30 s. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

  /** The same policy with another number of retries. */
  public CallPolicy withMaxRetries(int retries) {
    return new CallPolicy(retries, maxWait, retryFailures, timeout, rateLimit);
  }

  /** The same policy with another timeout. */
  public CallPolicy withTimeout(Duration t) {
    return new CallPolicy(maxRetries, maxWait, retryFailures, t, rateLimit);
  }
}
