package ai.phinite.tools.runtime;

import java.time.Duration;

/**
 * Observes calls, for metrics, traces, logs and progress reports: set one on a {@code ToolRuntime}
 * for every call, or on {@link CallOptions} for one call. It hears when a call starts, each
 * attempt, each wait and how the call ended.
 *
 * <p>What it is told never holds argument values, request or response bodies, or secrets: only
 * names, numbers and a connection identity that is a keyed hash. Implementations must be quick and
 * must not throw (an exception from a listener is ignored, the call goes on).
 */
@FunctionalInterface
public interface CallListener {
  /** Hears nothing. */
  CallListener NONE = call -> Observer.NONE;

  /**
   * A call has started (its arguments are valid, nothing is sent yet).
   *
   * @return the observer of the rest of this call, {@link Observer#NONE} to ignore it
   */
  Observer callStarted(Call call);

  /** Both listeners hear every call, this one first. */
  default CallListener and(CallListener other) {
    if (other == null || other == NONE) {
      return this;
    }
    if (this == NONE) {
      return other;
    }
    return call -> {
      Observer first = Listeners.started(this, call);
      Observer second = Listeners.started(other, call);
      return Listeners.both(first, second);
    };
  }

  /**
   * One call of a subtool.
   *
   * @param tool the tool's id
   * @param subtool the subtool's name
   * @param connectionId the connection's identity: a keyed hash of its values, never a secret
   */
  record Call(String tool, String subtool, String connectionId) {}

  /**
   * One HTTP attempt of a call (a multi-step subtool makes attempts for several operations).
   *
   * @param number 1 for the first attempt of the call, counting every step
   * @param operation the operation sent: the subtool, or a step of a multi-step subtool
   * @param method the HTTP method
   * @param server the server's id in the tool
   * @param host the host the request goes to
   * @param port the port the request goes to
   */
  record Attempt(int number, String operation, String method, String server, String host,
      int port) {}

  /** Why a call waits before its next attempt. */
  enum Wait {
    /** A client-side rate limit (declared, or shared across replicas) has no slot yet. */
    RATE_LIMIT,
    /** The server asked to wait ({@code Retry-After} or a rate-limit reset header). */
    RETRY_AFTER,
    /** Backing off before retrying a failed attempt. */
    BACKOFF
  }

  /**
   * How a call ended.
   *
   * @param status the last HTTP status, 0 when no answer was had
   * @param errorKind the {@link ToolException#kind()} it failed with, {@code null} on success
   * @param attempts how many HTTP attempts were made
   * @param duration how long the call took
   */
  record Outcome(int status, String errorKind, int attempts, Duration duration) {
    /** Whether the call succeeded. */
    public boolean success() {
      return errorKind == null;
    }
  }

  /** Hears the events of one call, in order, from whichever thread runs them. */
  interface Observer {
    /** Hears nothing. */
    Observer NONE = new Observer() {};

    /** An attempt is about to be sent. */
    default void attemptStarted(Attempt attempt) {}

    /**
     * An attempt ended.
     *
     * @param status the HTTP status, 0 when no answer was had
     * @param errorKind the error kind of a failed attempt ({@code http_error}, {@code transport},
     *     {@code redirect}, ...), {@code null} for a success
     */
    default void attemptEnded(Attempt attempt, int status, String errorKind, Duration duration) {}

    /** The call waits this long before its next attempt. */
    default void waiting(Wait reason, Duration duration) {}

    /** The call ended; nothing follows. */
    default void callEnded(Outcome outcome) {}
  }
}
