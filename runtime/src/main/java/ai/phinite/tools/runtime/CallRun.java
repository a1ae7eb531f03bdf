package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.internal.CallPolicy;
import ai.phinite.tools.runtime.internal.Durations;
import ai.phinite.tools.runtime.internal.ErrorBodies;
import ai.phinite.tools.runtime.internal.HttpSupport;
import ai.phinite.tools.runtime.internal.Policies;
import ai.phinite.tools.runtime.internal.RetryAfter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One call of a subtool: its deadline, its listener, its cancellation, and the sending of its
 * requests under their policies. Sending is asynchronous: a rate-limit or backoff wait is a task
 * on the runtime's scheduler and an attempt is the transport's future, so a call waiting or in
 * flight holds no thread. {@link #send} (what generated code calls) waits for one request's
 * outcome, for multi-step subtools and blocking calls; it makes the attempts it reaches without
 * waiting on its own thread ({@link Transport#sendAndWait}), so that no thread hands their
 * answers over.
 *
 * <p>Whatever ends the call first wins: its result, its deadline, {@link Connection#close()},
 * cancelling its future or interrupting its thread. After that no request is sent, a wait in
 * progress is dropped and an exchange in progress is cancelled (which aborts it).
 */
final class CallRun implements HttpSupport.Sender {
  /** How much later than the runtime's own timer a transport's timeout fires. */
  private static final Duration TRANSPORT_GRACE = Duration.ofSeconds(1);
  private static final long MAX_TRANSPORT_TIMEOUT_NANOS = Duration.ofDays(1).toNanos();

  private final Connection connection;
  private final ToolRuntime rt;
  private final String subtool;
  private final Duration deadline;
  private final long deadlineNanos;
  private final long startNanos;
  private final Duration attemptTimeout;
  private final Integer maxRetries;
  private final CallListener.Observer observer;
  private final CompletableFuture<Response> result = new CompletableFuture<>();
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicLong skippedNanos = new AtomicLong();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile int lastStatus;
  private volatile ToolException abort;
  private volatile Future<?> current;
  private volatile CompletableFuture<Response> step;
  private volatile String phase = "the call did not send its first request %s";
  /** The request in flight, for the deadline's message. */
  private volatile PreparedRequest inFlight;
  private volatile ScheduledFuture<?> deadlineTimer;
  /** The thread of a blocking {@link #send} while it starts its request: it makes attempts itself. */
  private volatile Thread caller;
  /** The exchange that thread is in, if any. */
  private volatile CallerExchange onCaller;

  private CallRun(Connection connection, String subtool, CallOptions options) {
    this.connection = connection;
    this.rt = connection.runtime;
    this.subtool = subtool;
    this.startNanos = System.nanoTime();
    this.deadline = options.deadline() != null ? options.deadline() : connection.deadline;
    this.deadlineNanos = Durations.plus(startNanos, Durations.nanos(deadline));
    this.attemptTimeout = options.attemptTimeout() != null
        ? options.attemptTimeout() : connection.attemptTimeout;
    this.maxRetries = options.maxRetries();
    CallListener listener = rt.listener.and(options.listener());
    this.observer = listener == CallListener.NONE ? CallListener.Observer.NONE
        : new SafeObserver(Listeners.started(listener,
            new CallListener.Call(connection.tool().id(), subtool, connection.connectionId)));
  }

  /**
   * Starts a call: it is registered with its connection (so that closing the connection stops
   * it). Fails at once when the connection or runtime is closed. The deadline of an async call
   * is timed on the runtime's scheduler; a blocking call's thread times it itself, as it waits
   * (which spares a scheduler wake-up per call).
   *
   * @param async whether nothing waits on a thread for this call
   */
  static CallRun start(Connection connection, String subtool, CallOptions options,
      boolean async) {
    CallRun call = new CallRun(connection, subtool, options);
    call.result.whenComplete(call::ended);
    connection.register(call);
    if (connection.isClosed() || connection.runtime.isClosed()) {
      call.abort(CallAbortedException.closed(connection.isClosed() ? "the connection"
          : "the runtime", subtool, true));
      return call;
    }
    if (async) {
      try {
        call.deadlineTimer = call.rt.scheduler.schedule(call::deadlinePassed,
            Math.max(0, call.deadlineNanos - call.startNanos), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        call.abort(CallAbortedException.closed("the runtime", subtool, true));
      }
    }
    return call;
  }

  /** The subtool (or operation) called. */
  String subtool() {
    return subtool;
  }

  /** The call's outcome; cancelling it stops the call. */
  CompletableFuture<Response> result() {
    return result;
  }

  /** Requests handed to the transport so far. */
  int sent() {
    return sent.get();
  }

  /** The reason the call was stopped, or {@code null}. */
  ToolException aborted() {
    return abort;
  }

  /** Ends the call with this outcome (the first outcome wins). */
  void finish(Response response, Throwable error) {
    if (error == null) {
      result.complete(response);
    } else {
      result.completeExceptionally(unwrap(error));
    }
  }

  /** Sends one request and ends the call with its outcome (single-step async calls). */
  void sendAndFinish(PreparedRequest request) {
    sendAsync(request).whenComplete(this::finish);
  }

  /** Stops the call for this reason: no request is sent after it; one in progress is aborted. */
  void abort(ToolException reason) {
    synchronized (this) {
      if (abort != null || result.isDone() && !result.isCancelled()) {
        return;
      }
      abort = reason;
    }
    Future<?> c = current;
    if (c != null) {
      c.cancel(true);
    }
    CallerExchange e = onCaller;
    if (e != null) {
      e.stop();
    }
    CompletableFuture<Response> s = step;
    if (s != null) {
      s.completeExceptionally(reason);
    }
    result.completeExceptionally(reason);
  }

  private void deadlinePassed() {
    PreparedRequest request = inFlight;
    String what = phase != null || request == null ? phase : "no complete response came from "
        + origin(request) + " %s (the server may have stalled, or be sending its answer too"
        + " slowly)";
    TransportException e = new TransportException(subtool + " failed: " + what.replace("%s",
        "within the call's deadline of " + Durations.text(deadline))
        + "; nothing further is sent", null);
    int n = attempts.get();
    abort(n > 1 ? e.afterAttempts(n, true) : e);
  }

  private long remaining() {
    return deadlineNanos - System.nanoTime() - skippedNanos.get();
  }

  private void ended(Response response, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> timer = deadlineTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    connection.unregister(this);
    String kind = null;
    if (error != null) {
      Throwable e = unwrap(error);
      if (e instanceof CancellationException) {
        abort(CallAbortedException.cancelled(subtool, "its future was cancelled", sent() == 0));
        kind = "cancelled";
      } else {
        kind = e instanceof ToolException t ? t.kind() : "internal";
      }
    }
    observer.callEnded(new CallListener.Outcome(lastStatus, kind, attempts.get(),
        Duration.ofNanos(System.nanoTime() - startNanos)));
  }

  /**
   * Sends one request of the call and waits for its outcome, for generated code: a multi-step
   * subtool's steps, and blocking calls. Interrupting the thread cancels the call.
   */
  @Override
  public Response send(PreparedRequest request) {
    if (Thread.currentThread().isInterrupted()) {
      abort(CallAbortedException.cancelled(subtool, "its thread was interrupted", sent() == 0));
      throw abort;
    }
    CompletableFuture<Response> f;
    caller = Thread.currentThread();
    try {
      f = sendAsync(request); // done already unless it had to wait
    } finally {
      caller = null;
    }
    try {
      // waits, attempts and the body all end within the call's deadline
      return f.get(Math.max(0, remaining()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(CallAbortedException.cancelled(subtool, "its thread was interrupted", sent() == 0));
      throw abort;
    } catch (ExecutionException e) {
      throw unchecked(e.getCause());
    } catch (TimeoutException e) {
      deadlinePassed();
      throw abort;
    }
  }

  /** Sends one request under its operation's policy; the future never needs a thread to wait. */
  CompletableFuture<Response> sendAsync(PreparedRequest request) {
    CompletableFuture<Response> out = new CompletableFuture<>();
    step = out;
    ToolException stopped = abort;
    if (stopped != null) {
      out.completeExceptionally(stopped);
      return out;
    }
    new Sending(request, out).next();
    return out;
  }

  static RuntimeException unchecked(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof RuntimeException r) {
      return r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    return new CompletionException(e);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** Full-jitter exponential backoff: a random wait up to 250 ms × 2^(attempt-1), at most 8 s. */
  static Duration backoff(int attempt) {
    long cap = Math.min(8_000, 250L << Math.min(attempt - 1, 10));
    return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
  }

  /** The sending of one request: rate limit, attempts, waits between them. */
  private final class Sending {
    private final PreparedRequest request;
    private final CompletableFuture<Response> out;
    private final CallPolicy policy;
    private final Policies.Limit limit;
    private final RateLimiter.Key key;
    private long waitBudget;
    private int attempt;
    /** OAuth2: the server's tokens, the request with this attempt's token, one renewal per 401. */
    private final ai.phinite.tools.runtime.internal.OAuth2Tokens tokens;
    private PreparedRequest authorized;
    private boolean renewed;

    Sending(PreparedRequest request, CompletableFuture<Response> out) {
      this.request = request;
      this.out = out;
      CallPolicy p = connection.policies.of(request.operation(), request.method());
      this.policy = maxRetries != null ? p.withMaxRetries(maxRetries) : p;
      this.limit = connection.policies.limitOf(request.operation(), request.server());
      this.key = limit == null ? null : new RateLimiter.Key(
          connection.tool().id(), limit.scope(), connection.connectionId);
      this.waitBudget = Durations.nanos(policy.maxWait());
      this.tokens = connection.tokens(request.server());
    }


    private boolean stopped() {
      ToolException reason = abort;
      if (reason != null) {
        out.completeExceptionally(reason);
        return true;
      }
      return false;
    }

    /** Before every attempt: the rate limit's turn. */
    void next() {
      if (stopped()) {
        return;
      }
      if (limit != null) {
        long allowed = Math.max(0, Math.min(waitBudget, remaining()));
        Duration wait;
        try {
          wait = rt.rateLimiter.reserve(key, limit.limit(), Duration.ofNanos(allowed));
        } catch (RuntimeException e) {
          wait = Duration.ZERO; // a limiter must not fail calls; it promises its own fallback
        }
        if (wait == null) {
          Duration free;
          try {
            free = rt.rateLimiter.untilFree(key, limit.limit());
          } catch (RuntimeException e) {
            free = limit.limit().interval();
          }
          String what = limit.scope().startsWith("server:")
              ? "server " + limit.scope().substring(7) : request.operation();
          out.completeExceptionally(new RateLimitedException(request.operation()
              + " was not sent: this connection's rate limit for " + what
              + " allows the next request in " + seconds(free) + "; try again then", free,
              sent() == 0));
          return;
        }
        if (!wait.isZero()) {
          waitThen(CallListener.Wait.RATE_LIMIT, wait, this::attempt);
          return;
        }
      }
      attempt();
    }

    private void waitThen(CallListener.Wait reason, Duration wait, Runnable then) {
      observer.waiting(reason, wait);
      long nanos = Durations.nanos(wait);
      waitBudget -= nanos;
      if (rt.skipWaits) {
        skippedNanos.addAndGet(nanos);
        then.run();
        return;
      }
      phase = reason == CallListener.Wait.RATE_LIMIT
          ? "the call did not get its turn under the rate limit %s"
          : "the call did not get to retry %s";
      try {
        current = rt.scheduler.schedule(() -> execute(then), nanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        abort(CallAbortedException.closed("the runtime", subtool, sent() == 0));
      }
      if (abort != null) {
        stopped();
      }
    }

    private void execute(Runnable then) {
      try {
        rt.executor.execute(then);
      } catch (RejectedExecutionException e) {
        abort(CallAbortedException.closed("the runtime", subtool, sent() == 0));
      }
    }

    private void attempt() {
      if (stopped()) {
        return;
      }
      long remaining = remaining();
      if (remaining <= 0) {
        deadlinePassed();
        stopped();
        return;
      }
      long timeout = attemptTimeout == null && policy.timeout() == null ? remaining
          : Math.min(remaining, Durations.nanos(
              attemptTimeout != null ? attemptTimeout : policy.timeout()));
      if (tokens != null && authorized == null) {
        authorizeThenAttempt(timeout);
        return;
      }
      PreparedRequest sending = authorized != null ? authorized : request;
      authorized = null; // every attempt asks for the current token (cached: no request)
      boolean ownTimer = timeout < remaining;
      attempt++;
      int number = attempts.incrementAndGet();
      CallListener.Attempt a = observer == CallListener.Observer.NONE ? null : attempt(number);
      observer.attemptStarted(a);
      long started = System.nanoTime();
      inFlight = request;
      phase = null; // the attempt's phase, spelled out only if the deadline passes during it
      sent.incrementAndGet();
      Duration transportTimeout = Duration.ofNanos(Math.min(MAX_TRANSPORT_TIMEOUT_NANOS,
          Durations.plus(timeout, TRANSPORT_GRACE.toNanos())));
      if (caller == Thread.currentThread()) {
        attemptOnCaller(a, started, sending, transportTimeout, timeout, ownTimer);
        return;
      }
      CompletableFuture<Response> f;
      try {
        f = rt.transport.send(sending, transportTimeout, connection.maxResponseBytes);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      current = f;
      if (abort != null) {
        f.cancel(true);
      }
      AtomicBoolean timedOut = new AtomicBoolean();
      ScheduledFuture<?> timer = null;
      if (ownTimer && !f.isDone()) {
        CompletableFuture<Response> exchange = f;
        try {
          timer = rt.scheduler.schedule(() -> {
            timedOut.set(true);
            exchange.cancel(true);
          }, timeout, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          // the runtime is closing; the call's bound in send() still holds
        }
      }
      ScheduledFuture<?> t = timer;
      f.whenComplete((response, error) -> {
        if (t != null) {
          t.cancel(false);
        }
        settle(a, started, sending, response, error, timedOut.get(), timeout);
      });
    }

    /**
     * An attempt on the blocking caller's thread ({@link Transport#sendAndWait}). A timer on the
     * scheduler ends it at its timeout, or at the call's deadline, by interrupting the thread
     * while (and only while) it is in the exchange; an interrupt from anyone else cancels the call.
     */
    private void attemptOnCaller(CallListener.Attempt a, long started, PreparedRequest sending,
        Duration transportTimeout, long timeout, boolean ownTimer) {
      CallerExchange exchange = new CallerExchange();
      onCaller = exchange;
      Response response = null;
      Throwable error = null;
      ScheduledFuture<?> timer = null;
      boolean interruptedByUs;
      try {
        timer = rt.scheduler.schedule(() -> {
          if (ownTimer) {
            exchange.timedOut = true;
            exchange.stop();
          } else {
            deadlinePassed();
          }
        }, timeout, TimeUnit.NANOSECONDS);
        if (abort == null) { // an abort before onCaller was set could not stop the exchange
          response = rt.transport.sendAndWait(sending, transportTimeout,
              connection.maxResponseBytes);
        }
      } catch (RejectedExecutionException e) {
        abort(CallAbortedException.closed("the runtime", subtool, false));
      } catch (InterruptedException | RuntimeException e) {
        error = e;
      } finally {
        if (timer != null) {
          timer.cancel(false);
        }
        interruptedByUs = exchange.leave();
        onCaller = null;
      }
      if (error instanceof InterruptedException && !interruptedByUs) {
        Thread.currentThread().interrupt(); // the caller's own interrupt: kept, and it cancels
        abort(CallAbortedException.cancelled(subtool, "its thread was interrupted", false));
      }
      settle(a, started, sending, response, error, exchange.timedOut, timeout);
    }

    /** The attempt as listeners see it (the URL is parsed only when there is a listener). */
    private CallListener.Attempt attempt(int number) {
      URI uri = URI.create(request.url());
      return new CallListener.Attempt(number, request.operation(), request.method(),
          request.server(), uri.getHost(), uri.getPort() != -1 ? uri.getPort()
              : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
    }

    /**
     * OAuth2: gets the server's access token (cached, or one token request shared by concurrent
     * callers, bounded by this attempt's timeout), then makes the attempt. The call's deadline and
     * cancellation stop this wait like any other.
     */
    private void authorizeThenAttempt(long timeout) {
      phase = "the call did not get an OAuth2 access token %s";
      CompletableFuture<PreparedRequest> f = tokens.authorize(request, Duration.ofNanos(timeout));
      current = f;
      if (abort != null) {
        f.cancel(true);
      }
      f.whenComplete((withToken, error) -> {
        if (error != null) {
          ToolException stoppedBy = abort;
          Throwable e = unwrap(error);
          out.completeExceptionally(stoppedBy != null ? stoppedBy
              : e instanceof ToolException ? e : new TransportException(request.operation()
                  + " failed: no OAuth2 access token (" + e.getClass().getSimpleName() + ")", e));
          return;
        }
        authorized = withToken;
        attempt();
      });
    }

    private void settle(CallListener.Attempt a, long started, PreparedRequest sent,
        Response response, Throwable error, boolean timedOut, long timeout) {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      ToolException stoppedBy = abort;
      if (stoppedBy != null) {
        observer.attemptEnded(a, 0, stoppedBy.kind(), took);
        out.completeExceptionally(stoppedBy);
        return;
      }
      TransportException failure = null;
      if (error != null) {
        Throwable e = unwrap(error);
        if (timedOut) {
          failure = new TransportException(request.operation() + " failed: no complete response"
              + " from " + origin(request) + " within " + Durations.text(Duration.ofNanos(timeout))
              + " (the attempt timeout)", null);
        } else if (e instanceof TransportException te) {
          failure = te;
        } else {
          failure = new TransportException(request.operation() + " failed: the transport failed ("
              + e.getClass().getSimpleName() + ")", e);
        }
      }
      int status = response == null ? 0 : response.status();
      lastStatus = status;
      phase = "the call did not finish %s";
      if (tokens != null && !renewed && failure == null && status == 401) {
        // the token was revoked or expired early: renew it once and send again (not a retry)
        observer.attemptEnded(a, status, "http_error", took);
        renewed = true;
        tokens.refused(sent);
        attempt--;
        next();
        return;
      }
      if (failure == null && status < 300) {
        observer.attemptEnded(a, status, null, took);
        out.complete(response);
        return;
      }
      if (failure == null && status < 400) {
        observer.attemptEnded(a, status, "redirect", took);
        out.completeExceptionally(statusFailure(response));
        return;
      }
      observer.attemptEnded(a, status,
          failure != null ? failure.kind() : status == 404 ? "not_found" : "http_error", took);
      boolean retryable = failure != null
          ? policy.retryFailures() && failure.retryable()
          : status == 429 || status == 503 || (policy.retryFailures() && status >= 500);
      Duration hint = response == null ? null : RetryAfter.of(response, rt.clock.instant());
      boolean hinted = hint != null && !hint.isZero();
      if (hinted && status == 429 && key != null) {
        try {
          rt.rateLimiter.pauseUntil(key, rt.clock.instant().plus(hint));
        } catch (RuntimeException e) {
          // the pause is advice to other callers; this call still waits or fails below
        }
      }
      long allowed = Math.max(0, Math.min(waitBudget, remaining()));
      // a 429 asking for a wait past what the call may still wait says when to come back
      if (hinted && status == 429 && Durations.nanos(hint) > allowed) {
        out.completeExceptionally(new RateLimitedException(request.operation()
            + " was refused by the server with HTTP 429 (rate limited); it asks to wait "
            + Durations.text(hint) + ", longer than this call may still wait ("
            + Durations.text(Duration.ofNanos(allowed)) + "); try again in "
            + Durations.text(hint), hint, false));
        return;
      }
      if (!retryable || attempt > policy.maxRetries()) {
        out.completeExceptionally(finalFailure(failure, response));
        return;
      }
      Duration wait = hinted ? hint : backoff(attempt);
      if (Durations.nanos(wait) > allowed) {
        out.completeExceptionally(finalFailure(failure, response));
        return;
      }
      waitThen(hinted ? CallListener.Wait.RETRY_AFTER : CallListener.Wait.BACKOFF, wait,
          this::next);
    }

    private ToolException finalFailure(TransportException failure, Response response) {
      if (failure != null) {
        return failure.afterAttempts(attempt, policy.retryFailures());
      }
      return statusFailure(response);
    }

    private HttpStatusException statusFailure(Response response) {
      Response clean = connection.redactor.response(response);
      return new HttpStatusException(
          request.operation(), clean, ErrorBodies.message(clean.body()), attempt);
    }
  }

  private static String origin(PreparedRequest request) {
    URI uri = URI.create(request.url());
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /**
   * A blocking exchange on its caller's thread. Stopping it interrupts that thread once, and only
   * while the thread is in the exchange, so no interrupt of the runtime's outlives it.
   */
  private static final class CallerExchange {
    private final Thread thread = Thread.currentThread();
    private boolean inside = true;
    private boolean interrupted;
    /** Whether the attempt's own timeout stopped it. */
    volatile boolean timedOut;

    synchronized void stop() {
      if (inside && !interrupted) {
        interrupted = true;
        thread.interrupt();
      }
    }

    /** Leaves the exchange; clears the interrupt {@link #stop} made, and says if it made one. */
    synchronized boolean leave() {
      inside = false;
      if (interrupted) {
        Thread.interrupted();
      }
      return interrupted;
    }
  }

  /** Keeps a listener's exception from reaching the call. */
  private static final class SafeObserver implements CallListener.Observer {
    private final CallListener.Observer delegate;

    SafeObserver(CallListener.Observer delegate) {
      this.delegate = delegate;
    }

    @Override
    public void attemptStarted(CallListener.Attempt attempt) {
      try {
        delegate.attemptStarted(attempt);
      } catch (RuntimeException ignored) {
        // a listener never changes a call
      }
    }

    @Override
    public void attemptEnded(CallListener.Attempt attempt, int status, String errorKind,
        Duration duration) {
      try {
        delegate.attemptEnded(attempt, status, errorKind, duration);
      } catch (RuntimeException ignored) {
        // a listener never changes a call
      }
    }

    @Override
    public void waiting(CallListener.Wait reason, Duration duration) {
      try {
        delegate.waiting(reason, duration);
      } catch (RuntimeException ignored) {
        // a listener never changes a call
      }
    }

    @Override
    public void callEnded(CallListener.Outcome outcome) {
      try {
        delegate.callEnded(outcome);
      } catch (RuntimeException ignored) {
        // a listener never changes a call
      }
    }
  }
}
