package ai.phinite.tools.redis;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.RateLimiter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/** {@link RedisRateLimiter} on a real redis-server. */
class RedisRateLimiterTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final RateLimit THREE_PER_SECOND = new RateLimit(3, Duration.ofSeconds(1));
  private static final RateLimiter.Key KEY =
      new RateLimiter.Key("kustomer", "server:api", "c0ffee");
  private static final Duration TEST_BOUND = Duration.ofSeconds(30);

  private final List<RedisRateLimiter> limiters = new ArrayList<>();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Logger jul = Logger.getLogger(RedisRateLimiter.class.getName());
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      logged.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void setUp() {
    REDIS.flushAll();
    jul.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    jul.removeHandler(capture);
    limiters.forEach(RedisRateLimiter::close);
  }

  private RedisRateLimiter limiter(String url, Clock clock) {
    RedisRateLimiter l = RedisRateLimiter.builder().url(url).clock(clock)
        .retryInterval(Duration.ofMillis(100)).build();
    limiters.add(l);
    return l;
  }

  private RedisRateLimiter limiter() {
    return limiter(REDIS.url(), Clock.systemUTC());
  }

  @Test
  void allowsABurstThenTheSteadyRateAcrossTwoReplicas() {
    RedisRateLimiter a = limiter();
    RedisRateLimiter b = limiter();
    Duration none = Duration.ZERO;
    assertThat(a.reserve(KEY, THREE_PER_SECOND, none)).isEqualTo(Duration.ZERO);
    assertThat(b.reserve(KEY, THREE_PER_SECOND, none)).isEqualTo(Duration.ZERO);
    assertThat(a.reserve(KEY, THREE_PER_SECOND, none)).isEqualTo(Duration.ZERO);
    // the burst is spent by the two together: the fourth slot is one interval later
    assertThat(b.reserve(KEY, THREE_PER_SECOND, none)).isNull();
    Duration wait = b.reserve(KEY, THREE_PER_SECOND, Duration.ofSeconds(5));
    assertThat(wait).isGreaterThan(Duration.ZERO);
    assertThat(wait).isAtMost(THREE_PER_SECOND.interval());
    // the next one queues behind it
    Duration next = a.reserve(KEY, THREE_PER_SECOND, Duration.ofSeconds(5));
    assertThat(next).isGreaterThan(wait);
    assertThat(a.untilFree(KEY, THREE_PER_SECOND)).isGreaterThan(wait);
    assertThat(a.usingFallback()).isFalse();
    assertThat(logged).isEmpty();
  }

  @Test
  void reservationsAreAtomicUnderContentionFromTwoReplicas() throws Exception {
    RedisRateLimiter a = limiter();
    RedisRateLimiter b = limiter();
    RateLimit tenPerMinute = new RateLimit(10, Duration.ofMinutes(1));
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<Duration>> grants = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        RedisRateLimiter replica = i % 2 == 0 ? a : b;
        grants.add(threads.submit(() -> replica.reserve(KEY, tenPerMinute, Duration.ZERO)));
      }
      int granted = 0;
      for (Future<Duration> g : grants) {
        Duration d = g.get(30, TimeUnit.SECONDS);
        if (d != null) {
          assertThat(d).isEqualTo(Duration.ZERO);
          granted++;
        }
      }
      // exactly the burst: no two callers got the same slot, none was lost
      assertThat(granted).isEqualTo(10);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aSlotLaterThanTheCallerWaitsTakesNothing() {
    RedisRateLimiter a = limiter();
    RateLimit onePerTenSeconds = new RateLimit(1, Duration.ofSeconds(10));
    assertThat(a.reserve(KEY, onePerTenSeconds, Duration.ZERO)).isEqualTo(Duration.ZERO);
    Duration before = a.untilFree(KEY, onePerTenSeconds);
    assertThat(a.reserve(KEY, onePerTenSeconds, Duration.ofSeconds(1))).isNull();
    assertThat(a.reserve(KEY, onePerTenSeconds, Duration.ofSeconds(1))).isNull();
    // refusals took no slot: the wait only shrank with time
    assertThat(a.untilFree(KEY, onePerTenSeconds)).isAtMost(before);
    assertThat(before).isGreaterThan(Duration.ofSeconds(8));
  }

  @Test
  void keysNameToolScopeAndConnectionAndExpire() {
    RedisRateLimiter a = limiter();
    a.reserve(KEY, THREE_PER_SECOND, Duration.ZERO);
    a.pauseUntil(KEY, Instant.now().plusSeconds(2));
    try (Jedis j = REDIS.client()) {
      assertThat(j.keys("*")).containsExactly(
          "phinite:ratelimit:{kustomer/server:api/c0ffee}:slot",
          "phinite:ratelimit:{kustomer/server:api/c0ffee}:pause");
      long slotTtl = j.pttl("phinite:ratelimit:{kustomer/server:api/c0ffee}:slot");
      assertThat(slotTtl).isGreaterThan(0L);
      assertThat(slotTtl).isAtMost(1_001L);
      long pauseTtl = j.pttl("phinite:ratelimit:{kustomer/server:api/c0ffee}:pause");
      assertThat(pauseTtl).isGreaterThan(1_000L);
      assertThat(pauseTtl).isAtMost(2_001L);
    }
    RedisRateLimiter prefixed = RedisRateLimiter.builder().url(REDIS.url())
        .keyPrefix("studio-eu:rl:").build();
    limiters.add(prefixed);
    prefixed.reserve(KEY, THREE_PER_SECOND, Duration.ZERO);
    try (Jedis j = REDIS.client()) {
      assertThat(j.exists("studio-eu:rl:{kustomer/server:api/c0ffee}:slot")).isTrue();
    }
  }

  @Test
  void aPauseFromOneReplicaHoldsEveryReplicaWhateverTheirClocks() {
    // b's clock is an hour ahead: the pause is sent as a length, and Redis's own clock decides
    Clock aheadByAnHour = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
    RedisRateLimiter a = limiter();
    RedisRateLimiter b = limiter(REDIS.url(), aheadByAnHour);
    b.pauseUntil(KEY, aheadByAnHour.instant().plusSeconds(2));

    assertThat(a.reserve(KEY, THREE_PER_SECOND, Duration.ofMillis(500))).isNull();
    Duration until = a.untilFree(KEY, THREE_PER_SECOND);
    assertThat(until).isGreaterThan(Duration.ofMillis(1500));
    assertThat(until).isAtMost(Duration.ofSeconds(2));
    Duration wait = a.reserve(KEY, THREE_PER_SECOND, Duration.ofSeconds(5));
    assertThat(wait).isGreaterThan(Duration.ofMillis(1500));
    assertThat(wait).isAtMost(Duration.ofSeconds(2));

    // a shorter pause never shortens a longer one
    a.pauseUntil(KEY, Instant.now().plusMillis(100));
    assertThat(a.untilFree(KEY, THREE_PER_SECOND)).isGreaterThan(Duration.ofMillis(1500));
  }

  @Test
  void fallsBackToALocalLimiterLoggedOnceAndReturnsWhenRedisIsBack() throws Exception {
    RedisRateLimiter a = limiter();
    assertThat(a.reserve(KEY, THREE_PER_SECOND, Duration.ZERO)).isEqualTo(Duration.ZERO);
    REDIS.stop();
    try {
      assertTimeoutPreemptively(TEST_BOUND, () -> {
        // the local limiter keeps counting: a burst of three, then a wait
        for (int i = 0; i < 3; i++) {
          assertThat(a.reserve(KEY, THREE_PER_SECOND, Duration.ZERO)).isEqualTo(Duration.ZERO);
        }
        assertThat(a.reserve(KEY, THREE_PER_SECOND, Duration.ZERO)).isNull();
        assertThat(a.usingFallback()).isTrue();
        Thread.sleep(300); // past the retry interval: the next call tries Redis, fails, stays local
        assertThat(a.reserve(KEY, THREE_PER_SECOND, Duration.ofSeconds(1))).isNotNull();
      });
      assertThat(messages(Level.WARNING)).containsExactly("Redis at " + REDIS.url()
          + " cannot be reached (JedisConnectionException): rate limits are kept in this process"
          + " until it answers, so each replica counts on its own");
    } finally {
      REDIS.start();
    }
    assertTimeoutPreemptively(TEST_BOUND, () -> {
      waitUntil(() -> {
        a.reserve(KEY, THREE_PER_SECOND, Duration.ofSeconds(1));
        return !a.usingFallback();
      });
    });
    assertThat(messages(Level.INFO)).containsExactly("Redis at " + REDIS.url()
        + " answers again: rate limits are shared across replicas again");
    assertThat(messages(Level.WARNING)).hasSize(1);
    // and the state is in Redis again (the restarted server had none; the script was loaded again)
    try (Jedis j = REDIS.client()) {
      assertThat(j.exists("phinite:ratelimit:{kustomer/server:api/c0ffee}:slot")).isTrue();
    }
  }

  @Test
  void aRestartBetweenTwoCallsIsNotAnOutage() throws Exception {
    RedisRateLimiter a = limiter();
    assertThat(a.reserve(KEY, THREE_PER_SECOND, Duration.ZERO)).isEqualTo(Duration.ZERO);
    REDIS.stop();
    REDIS.start();
    // the pooled connection died with the old server: the command is sent again on a new one
    assertThat(a.reserve(KEY, THREE_PER_SECOND, Duration.ZERO)).isEqualTo(Duration.ZERO);
    assertThat(a.usingFallback()).isFalse();
    assertThat(logged).isEmpty();
    try (Jedis j = REDIS.client()) {
      assertThat(j.exists("phinite:ratelimit:{kustomer/server:api/c0ffee}:slot")).isTrue();
    }
  }

  @Test
  void aRedisThatNeverAnswersCostsOneShortTimeout() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // accepts, never answers
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      RedisRateLimiter a = RedisRateLimiter.builder()
          .url("redis://127.0.0.1:" + silent.getLocalPort())
          .timeout(Duration.ofMillis(200)).retryInterval(Duration.ofMinutes(1)).build();
      limiters.add(a);
      Duration first = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> a.reserve(KEY, THREE_PER_SECOND, Duration.ZERO));
      assertThat(first).isEqualTo(Duration.ZERO);
      assertThat(a.usingFallback()).isTrue();
      // on the fallback, calls no longer go to the silent server at all
      int connections = accepted.size();
      for (int i = 0; i < 20; i++) {
        a.reserve(KEY, THREE_PER_SECOND, Duration.ofSeconds(30));
      }
      assertThat(accepted).hasSize(connections);
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void aBadUrlIsRefusedWithoutRepeatingItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RedisRateLimiter.builder().url("http://admin:hunter2secret@cache:6379"));
    assertThat(e).hasMessageThat().isEqualTo("The Redis URL must look like"
        + " redis://[[user]:password@]host[:port][/database] (or rediss:// for TLS), not"
        + " http://cache:6379");
    RedisRateLimiter withPassword = RedisRateLimiter.builder()
        .url("redis://admin:hunter2secret@127.0.0.1:" + REDIS.port() + "/2").build();
    limiters.add(withPassword);
    assertThat(withPassword.toString()).isEqualTo("RedisRateLimiter[redis://127.0.0.1:"
        + REDIS.port() + "/2, keyPrefix=phinite:ratelimit:]");
    assertThrows(IllegalStateException.class, () -> RedisRateLimiter.builder().build());
  }

  private List<String> messages(Level level) {
    List<String> out = new ArrayList<>();
    for (LogRecord r : logged) {
      if (r.getLevel().equals(level)) {
        out.add(MessageFormat.format(r.getMessage(), r.getParameters()));
      }
    }
    return out;
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(50);
    }
  }
}
