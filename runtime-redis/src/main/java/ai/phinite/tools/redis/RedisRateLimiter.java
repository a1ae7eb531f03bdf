package ai.phinite.tools.redis;

import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.RateLimiter;
import ai.phinite.tools.runtime.internal.LocalRateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * A {@link RateLimiter} whose state lives in Redis, so that a declared rate limit holds across
 * every replica that serves the same connection, and a server's 429 seen by one replica pauses all
 * of them.
 *
 * <pre>{@code
 * RedisRateLimiter limiter = RedisRateLimiter.builder()
 *     .url("redis://redis.internal:6379/0")
 *     .keyPrefix("graph-studio:ratelimit:")
 *     .build();
 * ToolRuntime runtime = ToolRuntime.builder().rateLimiter(limiter).build();
 * }</pre>
 *
 * <p><b>On the server, atomically.</b> Each reservation is one Lua script run on Redis
 * ({@code EVALSHA}, loaded again after a Redis restart): a virtual-scheduling token bucket (GCRA)
 * that allows a burst of the limit's request count and then its steady rate, and a pause key that
 * holds back every slot until a server's reset time. Times are read from the Redis server's clock
 * ({@code TIME}), so the clocks of the replicas do not matter; a pause is sent as a length from
 * now. Keys expire once they no longer hold anything back.
 *
 * <p><b>Keys.</b> {@code <prefix>{<tool>/<scope>/<connectionId>}:slot} and {@code …:pause}, from
 * {@link RateLimiter.Key}: the connection identity is a keyed hash, so no key holds a secret. The
 * braces are a Redis Cluster hash tag: both keys of a limit are in one slot.
 *
 * <p><b>When Redis cannot be reached.</b> Every command has a short timeout (default 250 ms, for
 * connecting, waiting for a pooled connection and each reply); a command whose pooled connection
 * broke (Redis restarted) is tried once more on a new connection. A call that fails on Redis falls
 * back to a local limiter (the runtime's default in-memory one: the same algorithm, idle keys
 * dropped) and goes on; the fallback is
 * logged once, as a warning on the {@link System.Logger} named after this class, and again (info)
 * when Redis answers again. While on the fallback, one caller tries Redis again at most every
 * {@link Builder#retryInterval retry interval} (default 1 s), and at once for a pause; the others
 * do not wait for it. While on the fallback each replica keeps its own count, so N replicas may
 * together send up to N times the limit. Pauses are always kept locally too. Redis errors other than connection failures (a script
 * error, {@code OOM}, {@code NOAUTH}) are handled the same way.
 *
 * <p>Thread-safe. {@link #close()} releases the connections.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RedisRateLimiter.class.getName());
  private static final String SCRIPT = readScript();
  private static final String SCRIPT_SHA = sha1(SCRIPT);
  private static final Duration MAX_SPAN = Duration.ofDays(365);

  private final RedisClient client;
  private final String endpoint;
  private final String keyPrefix;
  private final long retryIntervalNanos;
  private final RateLimiter fallback;
  private final Clock clock;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile boolean onFallback;
  private volatile long retryAtNanos;

  private RedisRateLimiter(Builder b, RedisClient client, String endpoint) {
    this.client = client;
    this.endpoint = endpoint;
    this.keyPrefix = b.keyPrefix;
    this.retryIntervalNanos = b.retryInterval.toNanos();
    this.fallback = b.fallback != null ? b.fallback : new LocalRateLimiter(b.clock);
    this.clock = b.clock;
  }

  /** Starts a limiter; {@link Builder#url} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Duration reserve(Key key, RateLimit limit, Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    return onRedis(() -> {
      long wait = run(key, "take", intervalMicros(limit), burstMicros(limit), micros(maxWait));
      return wait < 0 ? null : Duration.ofNanos(wait * 1000);
    }, () -> fallback.reserve(key, limit, maxWait), false);
  }

  @Override
  public Duration untilFree(Key key, RateLimit limit) {
    return onRedis(
        () -> Duration.ofNanos(run(key, "peek", intervalMicros(limit), burstMicros(limit), 0) * 1000),
        () -> fallback.untilFree(key, limit), false);
  }

  @Override
  public void pauseUntil(Key key, Instant until) {
    fallback.pauseUntil(key, until); // kept locally too, for the case Redis goes away
    long length = micros(Duration.between(clock.instant(), until));
    if (length <= 0) {
      return;
    }
    onRedis(() -> run(key, "pause", length, 0, 0), () -> 0L, true);
  }

  /**
   * Whether limits are kept in this process right now, because Redis could not be reached at the
   * last try.
   */
  public boolean usingFallback() {
    return onFallback;
  }

  /** Closes the connections to Redis. */
  @Override
  public void close() {
    client.close();
  }

  /** The Redis endpoint (without credentials) and the key prefix. */
  @Override
  public String toString() {
    return "RedisRateLimiter[" + endpoint + ", keyPrefix=" + keyPrefix + "]";
  }

  /**
   * Runs on Redis unless it is on the fallback; falls back when Redis fails. On the fallback, one
   * caller at a time tries Redis again once the retry interval has passed, or at once when
   * {@code urgent} (a pause must reach the other replicas if it can).
   */
  private <T> T onRedis(Supplier<T> redis, Supplier<T> local, boolean urgent) {
    if (!onFallback) {
      try {
        return withFreshConnectionOnce(redis);
      } catch (JedisException e) {
        fellBack(e);
        return local.get();
      }
    }
    if ((!urgent && System.nanoTime() - retryAtNanos < 0) || !probing.compareAndSet(false, true)) {
      return local.get();
    }
    try {
      T result = withFreshConnectionOnce(redis);
      onFallback = false;
      LOG.log(System.Logger.Level.INFO, "Redis at {0} answers again: rate limits are shared"
          + " across replicas again", endpoint);
      return result;
    } catch (JedisException e) {
      retryAtNanos = System.nanoTime() + retryIntervalNanos;
      return local.get();
    } finally {
      probing.set(false);
    }
  }

  /**
   * Runs the command; when its pooled connection is broken (Redis restarted since it was made),
   * drops the idle connections and tries once more on a new one. A Redis that is really away fails
   * that second try too, within the timeout.
   */
  private <T> T withFreshConnectionOnce(Supplier<T> redis) {
    try {
      return redis.get();
    } catch (JedisConnectionException e) {
      client.getPool().clear();
      return redis.get();
    }
  }

  private synchronized void fellBack(JedisException e) {
    retryAtNanos = System.nanoTime() + retryIntervalNanos;
    if (!onFallback) {
      onFallback = true;
      LOG.log(System.Logger.Level.WARNING, "Redis at {0} cannot be reached ({1}): rate limits are"
          + " kept in this process until it answers, so each replica counts on its own",
          endpoint, e.getClass().getSimpleName());
    }
  }

  private long run(Key key, String mode, long a, long b, long c) {
    String base = keyPrefix + '{' + key.tool() + '/' + key.scope() + '/' + key.connectionId() + '}';
    List<String> keys = List.of(base + ":slot", base + ":pause");
    List<String> args = List.of(mode, Long.toString(a), Long.toString(b), Long.toString(c));
    Object reply;
    try {
      reply = client.evalsha(SCRIPT_SHA, keys, args);
    } catch (JedisNoScriptException e) {
      reply = client.eval(SCRIPT, keys, args); // after a restart or SCRIPT FLUSH; caches it again
    }
    return ((Number) reply).longValue();
  }

  private static long burstMicros(RateLimit limit) {
    return Math.max(0, micros(limit.per()) - micros(limit.interval()));
  }

  private static long intervalMicros(RateLimit limit) {
    return Math.max(1, micros(limit.interval()));
  }

  /** Microseconds, from 0 to a year (longer waits and pauses mean the same to a caller). */
  private static long micros(Duration d) {
    if (d.isNegative()) {
      return 0;
    }
    return d.compareTo(MAX_SPAN) > 0 ? MAX_SPAN.toNanos() / 1000 : d.toNanos() / 1000;
  }

  private static String readScript() {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream("rate-limit.lua")) {
      return new String(Objects.requireNonNull(in, "rate-limit.lua").readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds a {@link RedisRateLimiter}. */
  public static final class Builder {
    private URI url;
    private String keyPrefix = "phinite:ratelimit:";
    private Duration timeout = Duration.ofMillis(250);
    private Duration retryInterval = Duration.ofSeconds(1);
    private int maxConnections = 16;
    private RateLimiter fallback;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Where Redis is: {@code redis://[[user]:password@]host[:port][/database]}, or
     * {@code rediss://…} for TLS. Required.
     *
     * @throws IllegalArgumentException when it is not such a URL (the message never repeats a
     *     password)
     */
    public Builder url(String redisUrl) {
      URI uri;
      try {
        uri = URI.create(Objects.requireNonNull(redisUrl, "url"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The Redis URL is not a URL; write it as"
            + " redis://[[user]:password@]host[:port][/database]");
      }
      if (uri.getScheme() == null || uri.getHost() == null || !JedisURIHelper.isValid(uri)
          || !JedisURIHelper.isRedisScheme(uri)) {
        throw new IllegalArgumentException("The Redis URL must look like"
            + " redis://[[user]:password@]host[:port][/database] (or rediss:// for TLS), not "
            + (uri.getScheme() == null || uri.getHost() == null ? "a URL without a scheme or host"
                : withoutCredentials(uri)));
      }
      this.url = uri;
      return this;
    }

    /**
     * What every key starts with (default {@code phinite:ratelimit:}); replicas that share limits
     * use the same prefix.
     */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = Objects.requireNonNull(prefix, "keyPrefix");
      return this;
    }

    /**
     * The most time one Redis command may take: connecting, waiting for a pooled connection and
     * the reply each (default 250 ms). A call waits at most this long before it falls back.
     */
    public Builder timeout(Duration commandTimeout) {
      if (commandTimeout.isZero() || commandTimeout.isNegative()
          || commandTimeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = commandTimeout;
      return this;
    }

    /** How long the fallback is used before Redis is tried again (default 1 s). */
    public Builder retryInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("retryInterval must not be negative");
      }
      this.retryInterval = interval;
      return this;
    }

    /** The most connections to Redis held at once (default 16). */
    public Builder maxConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("maxConnections must be 1 or more");
      }
      this.maxConnections = connections;
      return this;
    }

    /**
     * The limiter used while Redis cannot be reached (default: the runtime's in-memory limiter,
     * the same algorithm as the Redis script, with the state in this JVM).
     */
    public Builder fallback(RateLimiter local) {
      this.fallback = local;
      return this;
    }

    /** The wall clock that turns a pause's end into a length (tests set it). */
    public Builder clock(Clock wallClock) {
      this.clock = Objects.requireNonNull(wallClock, "clock");
      return this;
    }

    /**
     * Creates the limiter. It does not connect yet: the first reservation does, and falls back if
     * Redis cannot be reached.
     */
    public RedisRateLimiter build() {
      if (url == null) {
        throw new IllegalStateException("Set the Redis URL with url(\"redis://host:6379\")");
      }
      int millis = (int) timeout.toMillis();
      DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis(millis)
          .socketTimeoutMillis(millis)
          .blockingSocketTimeoutMillis(millis)
          .user(JedisURIHelper.getUser(url))
          .password(JedisURIHelper.getPassword(url))
          .ssl(JedisURIHelper.isRedisSSLScheme(url))
          .clientName("phinite-tools-ratelimit");
      if (JedisURIHelper.hasDbIndex(url)) {
        config.database(JedisURIHelper.getDBIndex(url));
      }
      ConnectionPoolConfig pool = new ConnectionPoolConfig();
      pool.setMaxTotal(maxConnections);
      pool.setMaxIdle(maxConnections);
      pool.setMaxWait(timeout);
      pool.setJmxEnabled(false);
      HostAndPort hostAndPort = JedisURIHelper.getHostAndPort(url);
      RedisClient client = RedisClient.builder()
          .hostAndPort(hostAndPort)
          .clientConfig(config.build())
          .poolConfig(pool)
          .build();
      return new RedisRateLimiter(this, client, withoutCredentials(url));
    }

    private static String withoutCredentials(URI uri) {
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + (uri.getPath() == null ? "" : uri.getPath());
    }
  }
}
