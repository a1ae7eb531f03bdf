package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.RateLimit;
import java.time.Duration;

/**
 * A client-side limit on how fast one connection sends to a server or calls one operation, so a
 * busy agent slows itself down instead of getting the whole workspace throttled. It allows bursts
 * up to the limit's request count and then the limit's steady rate (a virtual-scheduling token
 * bucket); {@link #reserve} says how long the caller must wait for its turn. Thread-safe.
 */
final class TokenBucket {
  private final long intervalNanos;
  private final long burstNanos;
  private long nextFreeNanos;

  TokenBucket(RateLimit limit) {
    this.intervalNanos = limit.interval().toNanos();
    this.burstNanos = limit.per().toNanos() - intervalNanos;
    this.nextFreeNanos = Long.MIN_VALUE;
  }

  /**
   * Takes the next slot if it comes within {@code maxWait}, and returns how long to wait for it;
   * returns {@code null} and takes nothing when the wait would be longer.
   */
  synchronized Duration reserve(long nowNanos, Duration maxWait) {
    long earliest = nextFreeNanos == Long.MIN_VALUE ? nowNanos - burstNanos
        : Math.max(nextFreeNanos, nowNanos - burstNanos);
    long wait = Math.max(0, earliest - nowNanos);
    if (wait > maxWait.toNanos()) {
      return null;
    }
    nextFreeNanos = earliest + intervalNanos;
    return Duration.ofNanos(wait);
  }

  /** How long until a slot is free (for messages). */
  synchronized Duration untilFree(long nowNanos) {
    return Duration.ofNanos(Math.max(0, nextFreeNanos - burstNanos - nowNanos));
  }
}
