package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.internal.JdkTransport;
import ai.phinite.tools.runtime.internal.LocalRateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every connection of an application shares: one HTTP transport (one
 * {@code java.net.http.HttpClient} and its connection pool), a bounded set of threads, the
 * {@link RateLimiter}, the {@link CallListener} and the defaults of every call. Create one per
 * application (or use {@link #shared()}) and open any number of connections on it: a
 * {@link Connection} is a small value that owns no threads or sockets.
 *
 * <pre>{@code
 * ToolRuntime runtime = ToolRuntime.builder().listener(metrics).defaultDeadline(Duration.ofSeconds(30)).build();
 * Connection c = catalog.require("kustomer").connection().runtime(runtime).credentials(values).build();
 * }</pre>
 *
 * <p>Threads: by default the HTTP client runs on a fixed pool of {@code max(2, cores)} daemon
 * threads, multi-step subtools called with {@link Connection#invokeAsync} run on a second pool of
 * the same bound, and one scheduler thread times deadlines, backoff and rate-limit waits; idle
 * threads end after a minute. None of these grow with the number of connections or calls in
 * flight. {@link Builder#executor} replaces both pools (virtual threads on JDK 21+ work).
 *
 * <p>Connection identity: each connection is known to listeners and rate limiters by a keyed hash
 * (HMAC-SHA256) of its tool id and values, never by a value. Replicas that share a rate limiter
 * (for example in Redis) must share the key, {@link Builder#connectionIdentityKey}; the default is
 * a fixed key, {@code "phinite-tools/connection-identity/v1"}, which keeps identities stable
 * across restarts but lets anyone who knows a connection's values recompute its identity.
 */
public final class ToolRuntime implements AutoCloseable {
  /** The default key of connection identities (see the class comment). */
  static final byte[] DEFAULT_IDENTITY_KEY =
      "phinite-tools/connection-identity/v1".getBytes(StandardCharsets.UTF_8);

  private static final AtomicInteger RUNTIMES = new AtomicInteger();
  private static volatile ToolRuntime shared;

  final Transport transport;
  final Executor executor;
  final Executor blockingExecutor;
  final ScheduledThreadPoolExecutor scheduler;
  final RateLimiter rateLimiter;
  final CallListener listener;
  final Duration defaultDeadline;
  final Duration connectTimeout;
  final long maxResponseBytes;
  final Clock clock;
  final boolean skipWaits;
  private final SecretKeySpec identityKey;
  private final boolean ownsTransport;
  private final ExecutorService[] ownedPools;
  private final boolean isShared;
  private volatile boolean closed;

  private ToolRuntime(Builder b, boolean isShared) {
    int n = RUNTIMES.incrementAndGet();
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.isShared = isShared;
    if (b.executor != null) {
      this.executor = b.executor;
      this.blockingExecutor = b.executor;
      this.ownedPools = new ExecutorService[0];
    } else {
      ThreadPoolExecutor http = pool("phinite-http-" + n + "-", threads);
      ThreadPoolExecutor calls = pool("phinite-call-" + n + "-", threads);
      this.executor = http;
      this.blockingExecutor = calls;
      this.ownedPools = new ExecutorService[] {http, calls};
    }
    this.scheduler = new ScheduledThreadPoolExecutor(1, daemon("phinite-scheduler-" + n + "-"));
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setKeepAliveTime(60, TimeUnit.SECONDS);
    scheduler.allowCoreThreadTimeOut(true);
    this.clock = b.clock;
    this.connectTimeout = b.connectTimeout;
    this.ownsTransport = b.transport == null;
    this.transport = b.transport != null ? b.transport : new JdkTransport(connectTimeout, executor);
    this.rateLimiter = b.rateLimiter != null ? b.rateLimiter : new LocalRateLimiter(clock);
    this.listener = b.listener;
    this.defaultDeadline = b.defaultDeadline;
    this.maxResponseBytes = b.maxResponseBytes;
    this.skipWaits = b.skipWaits;
    this.identityKey = new SecretKeySpec(b.identityKey, "HmacSHA256");
  }

  private static ThreadPoolExecutor pool(String prefix, int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemon(prefix));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts a runtime with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The process's default runtime, created with the defaults on first use; connections opened
   * without {@link Connection.Builder#runtime} use it. Closing it has no effect.
   */
  public static ToolRuntime shared() {
    ToolRuntime rt = shared;
    if (rt == null) {
      synchronized (ToolRuntime.class) {
        rt = shared;
        if (rt == null) {
          rt = shared = new ToolRuntime(new Builder(), true);
        }
      }
    }
    return rt;
  }

  /** The default total deadline of a call: every attempt, every wait and the whole body. */
  public Duration defaultDeadline() {
    return defaultDeadline;
  }

  /** The largest response body accepted by default. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** Whether {@link #close()} was called (never true of {@link #shared()}). */
  public boolean isClosed() {
    return closed;
  }

  /**
   * The identity of a connection: a keyed hash of its tool id and values (base64url, 128 bits),
   * never a secret.
   */
  String connectionId(String tool, Map<String, String> values) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(identityKey);
      mac.update(tool.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
        mac.update((byte) 0);
        mac.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '=');
        mac.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
      byte[] full = mac.doFinal();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          java.util.Arrays.copyOf(full, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
    }
  }

  /**
   * Stops the runtime's threads and closes the transport it created (one brought with
   * {@link Builder#transport} is left to its owner). Calls in flight fail; calls made afterwards
   * fail at once with kind {@code closed}. Does nothing on {@link #shared()}.
   */
  @Override
  public void close() {
    if (isShared || closed) {
      return;
    }
    closed = true;
    scheduler.shutdownNow();
    if (ownsTransport) {
      transport.close();
    }
    for (ExecutorService pool : ownedPools) {
      pool.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "ToolRuntime[deadline=" + defaultDeadline + ", transport="
        + transport.getClass().getSimpleName() + ", rateLimiter="
        + rateLimiter.getClass().getSimpleName() + (closed ? ", closed" : "") + "]";
  }

  /** Builds a {@link ToolRuntime}. */
  public static final class Builder {
    private Transport transport;
    private Executor executor;
    private RateLimiter rateLimiter;
    private CallListener listener = CallListener.NONE;
    private Duration defaultDeadline = Duration.ofSeconds(45);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private long maxResponseBytes = 8L * 1024 * 1024;
    private byte[] identityKey = DEFAULT_IDENTITY_KEY;
    private Clock clock = Clock.systemUTC();
    private boolean skipWaits;

    private Builder() {}

    /**
     * Sends every request through this transport instead of the JDK HTTP client. The runtime
     * never closes it.
     */
    public Builder transport(Transport custom) {
      this.transport = custom;
      return this;
    }

    /**
     * Runs the HTTP client's work and multi-step async calls on this executor instead of the
     * runtime's own bounded pools, e.g. {@code Executors.newVirtualThreadPerTaskExecutor()} on
     * JDK 21+. The runtime never shuts it down.
     */
    public Builder executor(Executor custom) {
      this.executor = custom;
      return this;
    }

    /** Where the state of client-side rate limits lives (default: in this JVM). */
    public Builder rateLimiter(RateLimiter limiter) {
      this.rateLimiter = limiter;
      return this;
    }

    /** Hears every call of every connection of the runtime (default: none). */
    public Builder listener(CallListener callListener) {
      this.listener = callListener == null ? CallListener.NONE : callListener;
      return this;
    }

    /**
     * The total deadline of a call, unless its connection or the call says otherwise (default
     * 45 s, within the 60 s that agent hosts give a tool call).
     */
    public Builder defaultDeadline(Duration deadline) {
      this.defaultDeadline = positive(deadline, "defaultDeadline");
      return this;
    }

    /** How long to wait for a TCP/TLS connection (default 10 s); only for the JDK transport. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** The largest response body accepted, unless a connection says otherwise (default 8 MiB). */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxResponseBytes must be 0 or more");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * The key of connection identities (HMAC-SHA256). Replicas sharing a rate limiter must share
     * it. Keep it like a secret if identities must not be recomputable from known values.
     */
    public Builder connectionIdentityKey(byte[] key) {
      if (key == null || key.length == 0) {
        throw new IllegalArgumentException("connectionIdentityKey must not be empty");
      }
      this.identityKey = key.clone();
      return this;
    }

    /** The wall clock, read for HTTP-date and epoch reset headers (default: system UTC). */
    public Builder clock(Clock wallClock) {
      this.clock = wallClock;
      return this;
    }

    /**
     * For tests: backoff, {@code Retry-After} and rate-limit waits are reported to listeners
     * and counted against each call's deadline as if they had passed, but not waited.
     */
    public Builder skipWaits() {
      this.skipWaits = true;
      return this;
    }

    /** The runtime; its threads start when first needed. */
    public ToolRuntime build() {
      return new ToolRuntime(this, false);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return d;
    }
  }
}
