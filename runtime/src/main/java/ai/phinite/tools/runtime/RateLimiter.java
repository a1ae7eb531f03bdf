package ai.phinite.tools.runtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the state of client-side rate limits lives. The default keeps it in this JVM; the
 * {@code runtime-redis} module keeps it in Redis, so that a limit holds across every replica that
 * serves the same connection. Set one on a {@code ToolRuntime}.
 *
 * <p>Keys name a tool, a scope (a server or an operation) and a connection identity that is a keyed
 * hash of the connection's values: no key ever holds a secret. Implementations are thread-safe and
 * answer within a bound of their own: one that cannot reach its store falls back to local state
 * rather than make a call wait past its deadline.
 */
public interface RateLimiter {
  /**
   * Takes the next slot of {@code key} under {@code limit}, if it comes within {@code maxWait}.
   *
   * @return how long to wait for the slot ({@link Duration#ZERO}: send now), or {@code null} when
   *     the slot comes later than {@code maxWait}; then nothing is taken
   */
  Duration reserve(Key key, RateLimit limit, Duration maxWait);

  /** How long until {@code key} has a free slot again (for messages). */
  Duration untilFree(Key key, RateLimit limit);

  /**
   * A server said no request of {@code key} may go before {@code until} (a 429 with a reset
   * time): every caller sharing this limiter waits for it.
   */
  void pauseUntil(Key key, Instant until);

  /**
   * What a limit counts.
   *
   * @param tool the tool's id
   * @param scope {@code server:<id>} or {@code operation:<name>}
   * @param connectionId the connection's identity (a keyed hash, never a secret)
   */
  record Key(String tool, String scope, String connectionId) {
    /** One string for the key, {@code tool/scope/connectionId}. */
    @Override
    public String toString() {
      return tool + '/' + scope + '/' + connectionId;
    }
  }
}
