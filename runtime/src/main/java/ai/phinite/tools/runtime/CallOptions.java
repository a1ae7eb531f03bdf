package ai.phinite.tools.runtime;

import java.time.Duration;

/**
 * Options of one call, each overriding the connection's: the call's total deadline, each attempt's
 * timeout, the retries, and a listener for this call alone.
 *
 * <pre>{@code
 * connection.invoke("get_customer", args, CallOptions.builder().deadline(Duration.ofSeconds(20)).build());
 * }</pre>
 */
public final class CallOptions {
  /** No overrides. */
  public static final CallOptions NONE = new Builder().build();

  private final Duration deadline;
  private final Duration attemptTimeout;
  private final Integer maxRetries;
  private final CallListener listener;
  private final ResponseShaping shaping;

  private CallOptions(Builder b) {
    this.shaping = b.shaping;
    this.deadline = b.deadline;
    this.attemptTimeout = b.attemptTimeout;
    this.maxRetries = b.maxRetries;
    this.listener = b.listener;
  }

  /** Starts options with nothing overridden. */
  public static Builder builder() {
    return new Builder();
  }

  /** The call's total deadline, or {@code null} to keep the connection's. */
  public Duration deadline() {
    return deadline;
  }

  /** Each attempt's timeout, or {@code null} to keep the subtool's. */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** Retries after the first attempt, or {@code null} to keep the subtool's. */
  public Integer maxRetries() {
    return maxRetries;
  }

  /** This call's own listener (besides the runtime's), or {@link CallListener#NONE}. */
  public CallListener listener() {
    return listener;
  }

  /** How this call's result is shaped, or {@code null} to keep the connection's. */
  public ResponseShaping shaping() {
    return shaping;
  }

  /** These options as a builder, to change some. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.deadline = deadline;
    b.attemptTimeout = attemptTimeout;
    b.maxRetries = maxRetries;
    b.listener = listener;
    b.shaping = shaping;
    return b;
  }

  /** Builds {@link CallOptions}. */
  public static final class Builder {
    private Duration deadline;
    private Duration attemptTimeout;
    private Integer maxRetries;
    private CallListener listener = CallListener.NONE;
    private ResponseShaping shaping;

    private Builder() {}

    /**
     * Shapes this call's result for an agent ({@link ResponseShaping#defaults()}, a budget), or
     * returns it as the API sent it ({@link ResponseShaping#OFF}).
     */
    public Builder shaping(ResponseShaping how) {
      this.shaping = how;
      return this;
    }

    /** The most time the whole call may take: every attempt, wait and the whole response body. */
    public Builder deadline(Duration total) {
      this.deadline = positive(total, "deadline");
      return this;
    }

    /** The most time one attempt may take; it never outlasts the deadline. */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive(timeout, "attemptTimeout");
      return this;
    }

    /** Retries after the first attempt, where retrying is safe (0 turns retries off). */
    public Builder maxRetries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("maxRetries must be 0 or more");
      }
      this.maxRetries = retries;
      return this;
    }

    /** A listener for this call alone, heard after the runtime's. */
    public Builder listener(CallListener callListener) {
      this.listener = callListener == null ? CallListener.NONE : callListener;
      return this;
    }

    /** The options. */
    public CallOptions build() {
      return new CallOptions(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d != null && (d.isZero() || d.isNegative())) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
