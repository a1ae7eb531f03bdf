package ai.phinite.tools.redis;

import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * The limiter {@link RedisRateLimiter} falls back to while Redis cannot be reached: the same
 * algorithm as its script (a virtual-scheduling token bucket with a pause), with the state in this
 * JVM. Thread-safe.
 */
final class LocalRateLimiter implements RateLimiter {
  private final ConcurrentMap<Key, State> states = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  LocalRateLimiter(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public Duration reserve(Key key, RateLimit limit, Duration maxWait) {
    State s = states.computeIfAbsent(key, k -> new State());
    long now = nanoClock.getAsLong();
    synchronized (s) {
      long interval = limit.interval().toNanos();
      long burst = limit.per().toNanos() - interval;
      long slot = s.slot(now, burst);
      long wait = Math.max(0, Math.max(slot - now, s.pauseLeft(now)));
      if (wait > maxWait.toNanos()) {
        return null;
      }
      s.nextFree = slot + interval;
      s.used = true;
      return Duration.ofNanos(wait);
    }
  }

  @Override
  public Duration untilFree(Key key, RateLimit limit) {
    State s = states.get(key);
    if (s == null) {
      return Duration.ZERO;
    }
    long now = nanoClock.getAsLong();
    synchronized (s) {
      long burst = limit.per().minus(limit.interval()).toNanos();
      return Duration.ofNanos(Math.max(0, Math.max(s.slot(now, burst) - now, s.pauseLeft(now))));
    }
  }

  @Override
  public void pauseUntil(Key key, Instant until) {
    long length = Duration.between(Instant.now(), until).toNanos();
    if (length <= 0) {
      return;
    }
    State s = states.computeIfAbsent(key, k -> new State());
    long end = nanoClock.getAsLong() + length;
    synchronized (s) {
      if (!s.paused || end - s.pausedUntil > 0) {
        s.pausedUntil = end;
        s.paused = true;
      }
    }
  }

  /** One key's state; guarded by itself. Times are of the nano clock. */
  private static final class State {
    long nextFree;
    boolean used;
    long pausedUntil;
    boolean paused;

    long pauseLeft(long now) {
      return paused ? pausedUntil - now : 0;
    }

    long slot(long now, long burst) {
      long slot = now - burst;
      if (paused) {
        slot = Math.max(slot, pausedUntil - burst);
      }
      return used ? Math.max(slot, nextFree) : slot;
    }
  }
}
