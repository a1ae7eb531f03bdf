package ai.phinite.tools.runtime.http;

import java.time.Duration;

/**
 * Per-call overrides of an operation's policy.
 *
 * @param timeout the request timeout of each attempt, or {@code null} to keep the policy's
 * @param maxRetries the retries, or {@code null} to keep the policy's
 */
public record CallOptions(Duration timeout, Integer maxRetries) {
  /** No overrides. */
  public static final CallOptions NONE = new CallOptions(null, null);

  CallPolicy apply(CallPolicy p) {
    CallPolicy out = p;
    if (timeout != null) {
      out = out.withTimeout(timeout);
    }
    if (maxRetries != null) {
      out = out.withMaxRetries(maxRetries);
    }
    return out;
  }
}
