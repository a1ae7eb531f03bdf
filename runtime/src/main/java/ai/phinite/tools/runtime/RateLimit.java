package ai.phinite.tools.runtime;

import java.time.Duration;

/**
 * At most {@code requests} requests per {@code per}, e.g. 10 per second, or 1 per 10 seconds.
 *
 * @param requests how many requests
 * @param per in how long a window
 */
public record RateLimit(int requests, Duration per) {
  public RateLimit {
    if (requests < 1 || per.isZero() || per.isNegative()) {
      throw new IllegalArgumentException("A rate limit needs requests >= 1 and a positive window");
    }
  }

  /** The time between two requests at the limit's steady rate. */
  public Duration interval() {
    return per.dividedBy(requests);
  }

  @Override
  public String toString() {
    return requests + " per " + per.toMillis() / 1000.0 + " s";
  }
}
