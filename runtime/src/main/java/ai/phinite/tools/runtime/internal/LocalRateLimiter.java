package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link RateLimiter}: state in this JVM, one virtual-scheduling token bucket per key.
 * A limit allows bursts up to its request count, then its steady rate; a server's pause holds every
 * request of its key back until it ends. Memory is bounded by the keys in use: a key whose bucket
 * is full again and whose pause is over is the same as no state at all, and is dropped in a sweep
 * every {@value #SWEEP_EVERY} operations. Thread-safe.
 */
public final class LocalRateLimiter implements RateLimiter {
  static final int SWEEP_EVERY = 1024;

  private static final class State {
    long nextFreeNanos = Long.MIN_VALUE;
    long pausedUntilNanos = Long.MIN_VALUE;
    /** When the state is back to fresh: its bucket full again and its pause over. */
    long idleAfterNanos = Long.MIN_VALUE;
    boolean dropped;
  }

  private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();
  private final AtomicInteger operations = new AtomicInteger();
  private final Clock clock;

  /** @param clock the wall clock, to turn a server's pause into this JVM's time */
  public LocalRateLimiter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Duration reserve(Key key, RateLimit limit, Duration maxWait) {
    long interval = limit.interval().toNanos();
    long burst = limit.per().toNanos() - interval;
    long max = Durations.nanos(maxWait);
    while (true) {
      long now = System.nanoTime();
      State s = states.computeIfAbsent(key, k -> new State());
      long wait;
      synchronized (s) {
        if (s.dropped) {
          continue;
        }
        long earliest = s.nextFreeNanos == Long.MIN_VALUE ? now - burst
            : Math.max(s.nextFreeNanos, now - burst);
        earliest = Math.max(earliest, s.pausedUntilNanos);
        wait = Math.max(0, earliest - now);
        if (wait > max) {
          return null;
        }
        s.nextFreeNanos = earliest + interval;
        s.idleAfterNanos = Math.max(s.nextFreeNanos + burst, s.pausedUntilNanos);
      }
      sweepNow(now);
      return Duration.ofNanos(wait);
    }
  }

  @Override
  public Duration untilFree(Key key, RateLimit limit) {
    State s = states.get(key);
    if (s == null) {
      return Duration.ZERO;
    }
    long burst = limit.per().toNanos() - limit.interval().toNanos();
    synchronized (s) {
      long free = Math.max(s.nextFreeNanos == Long.MIN_VALUE ? Long.MIN_VALUE
          : s.nextFreeNanos - burst, s.pausedUntilNanos);
      return Duration.ofNanos(Math.max(0, free - System.nanoTime()));
    }
  }

  @Override
  public void pauseUntil(Key key, Instant until) {
    long now = System.nanoTime();
    Duration ahead;
    try {
      ahead = Duration.between(clock.instant(), until);
    } catch (ArithmeticException e) {
      ahead = RetryAfter.MAX;
    }
    if (ahead.isNegative() || ahead.isZero()) {
      return;
    }
    long untilNanos = Durations.plus(now, Durations.nanos(ahead));
    while (true) {
      State s = states.computeIfAbsent(key, k -> new State());
      synchronized (s) {
        if (s.dropped) {
          continue;
        }
        s.pausedUntilNanos = Math.max(s.pausedUntilNanos, untilNanos);
        s.idleAfterNanos = Math.max(s.idleAfterNanos, s.pausedUntilNanos);
      }
      sweepNow(now);
      return;
    }
  }

  /** How many keys hold state now (for tests of the memory bound). */
  public int size() {
    return states.size();
  }

  private void sweepNow(long now) {
    if (operations.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(now);
    }
  }

  /** Drops every key whose state is back to fresh. */
  public void sweep(long now) {
    for (Iterator<State> it = states.values().iterator(); it.hasNext(); ) {
      State s = it.next();
      if (s.idleAfterNanos - now <= 0) {
        synchronized (s) {
          if (s.idleAfterNanos - now <= 0 && !s.dropped) {
            s.dropped = true;
            it.remove();
          }
        }
      }
    }
  }
}
