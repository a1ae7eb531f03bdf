package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The sending policies of one connection: each operation's {@link CallPolicy}, the rate limiters
 * of its servers and operations, and how to wait. Built by the connection from the tool's
 * descriptor and the connection's options.
 */
public final class Policies {
  /** Waits between attempts; tests replace it to run without real sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits for the duration. */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** The real sleeper. */
  public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));

  private final Map<String, CallPolicy> operations;
  private final CallPolicy idempotentDefault;
  private final CallPolicy unsafeDefault;
  private final Map<String, TokenBucket> serverLimiters = new HashMap<>();
  private final Map<String, TokenBucket> operationLimiters = new HashMap<>();
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * @param operations the policy of each operation named in the descriptor
   * @param maxRetries the retries of operations the descriptor does not name
   * @param maxWait the total wait of operations the descriptor does not name
   * @param serverLimits rate limits per server id
   * @param sleeper how to wait
   * @param clock the wall clock (for HTTP-date and epoch reset headers)
   */
  public Policies(Map<String, CallPolicy> operations, int maxRetries, Duration maxWait,
      Map<String, RateLimit> serverLimits, Sleeper sleeper, Clock clock) {
    this.operations = Map.copyOf(operations);
    this.idempotentDefault = new CallPolicy(maxRetries, maxWait, true, null, null);
    this.unsafeDefault = new CallPolicy(maxRetries, maxWait, false, null, null);
    serverLimits.forEach((id, limit) -> serverLimiters.put(id, new TokenBucket(limit)));
    for (Map.Entry<String, CallPolicy> e : operations.entrySet()) {
      if (e.getValue().rateLimit() != null) {
        operationLimiters.put(e.getKey(), new TokenBucket(e.getValue().rateLimit()));
      }
    }
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /**
   * The policy of an operation; one the descriptor does not name (a step of a multi-step subtool)
   * retries failures when its HTTP method is idempotent.
   */
  CallPolicy of(String operation, String method) {
    CallPolicy p = operations.get(operation);
    if (p != null) {
      return p;
    }
    return method.equals("GET") || method.equals("PUT") || method.equals("DELETE")
        ? idempotentDefault : unsafeDefault;
  }

  TokenBucket serverLimiter(String server) {
    return serverLimiters.get(server);
  }

  TokenBucket operationLimiter(String operation) {
    return operationLimiters.get(operation);
  }

  Sleeper sleeper() {
    return sleeper;
  }

  Clock clock() {
    return clock;
  }
}
