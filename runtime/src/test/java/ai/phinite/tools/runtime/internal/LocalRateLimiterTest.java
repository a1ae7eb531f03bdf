package ai.phinite.tools.runtime.internal;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.RateLimiter.Key;
import ai.phinite.tools.runtime.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory rate limiter's arithmetic, its pauses and its bound on memory; saturating waits. */
class LocalRateLimiterTest {
  private static final RateLimit TWO_PER_MINUTE = new RateLimit(2, Duration.ofMinutes(1));

  @Test
  void aBurstUpToTheLimitGoesAtOnceThenTheSteadyRate() {
    LocalRateLimiter limiter = new LocalRateLimiter(Clock.systemUTC());
    Key key = new Key("t", "server:api", "c1");
    assertThat(limiter.reserve(key, TWO_PER_MINUTE, Duration.ofHours(1))).isEqualTo(Duration.ZERO);
    assertThat(limiter.reserve(key, TWO_PER_MINUTE, Duration.ofHours(1))).isEqualTo(Duration.ZERO);
    Duration third = limiter.reserve(key, TWO_PER_MINUTE, Duration.ofHours(1));
    assertThat(third).isGreaterThan(Duration.ofSeconds(29));
    assertThat(third).isAtMost(Duration.ofSeconds(30));
    // a slot past maxWait is refused and not taken
    assertThat(limiter.reserve(key, TWO_PER_MINUTE, Duration.ofSeconds(1))).isNull();
    assertThat(limiter.untilFree(key, TWO_PER_MINUTE)).isGreaterThan(Duration.ofSeconds(29));
    // another connection has its own budget
    assertThat(limiter.reserve(new Key("t", "server:api", "c2"), TWO_PER_MINUTE,
        Duration.ZERO)).isEqualTo(Duration.ZERO);
  }

  @Test
  void aServersPauseHoldsEveryCallerOfTheKeyBack() {
    LocalRateLimiter limiter = new LocalRateLimiter(Clock.systemUTC());
    Key key = new Key("t", "server:api", "c1");
    limiter.pauseUntil(key, Instant.now().plusSeconds(20));
    Duration wait = limiter.reserve(key, TWO_PER_MINUTE, Duration.ofHours(1));
    assertThat(wait).isGreaterThan(Duration.ofSeconds(18));
    assertThat(limiter.reserve(key, TWO_PER_MINUTE, Duration.ofSeconds(5))).isNull();
    // absurd pauses neither overflow nor throw
    limiter.pauseUntil(key, Instant.MAX);
    assertThat(limiter.reserve(key, TWO_PER_MINUTE, Duration.ofDays(365))).isNull();
    assertThat(limiter.untilFree(key, TWO_PER_MINUTE)).isGreaterThan(Duration.ofDays(365));
  }

  @Test
  void idleKeysAreDroppedSoMemoryDoesNotGrowWithTenants() throws Exception {
    LocalRateLimiter limiter = new LocalRateLimiter(Clock.systemUTC());
    RateLimit fast = new RateLimit(1, Duration.ofMillis(1));
    for (int i = 0; i < 50_000; i++) {
      limiter.reserve(new Key("t", "server:api", "tenant-" + i), fast, Duration.ZERO);
      if (i % 1_000 == 999) {
        Thread.sleep(3);
      }
    }
    // a sweep runs every 1,024 operations: at most about two sweeps' worth of keys are live
    assertThat(limiter.size()).isAtMost(2 * LocalRateLimiter.SWEEP_EVERY);
    Thread.sleep(5);
    limiter.sweep(System.nanoTime());
    assertThat(limiter.size()).isEqualTo(0);
  }

  @Test
  void absurdWaitsAskedByServersSaturate() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    for (String value : List.of("99999999999999", "1e300", "1e308",
        "Fri, 31 Dec 9999 23:59:59 GMT")) {
      Response r = new Response(429, Map.of("retry-after", List.of(value)), com.fasterxml.jackson.databind.node.NullNode.getInstance());
      assertThat(RetryAfter.of(r, now)).isEqualTo(RetryAfter.MAX);
    }
    Response reset = new Response(429, Map.of("x-ratelimit-reset", List.of("1e300")),
        com.fasterxml.jackson.databind.node.NullNode.getInstance());
    assertThat(RetryAfter.of(reset, now)).isEqualTo(RetryAfter.MAX);
    for (String value : List.of("-5", "NaN", "Infinity", "soon")) {
      Response r = new Response(429, Map.of("retry-after", List.of(value)), com.fasterxml.jackson.databind.node.NullNode.getInstance());
      assertThat(RetryAfter.of(r, now)).isNull();
    }
    assertThat(Durations.nanos(RetryAfter.MAX)).isLessThan(Long.MAX_VALUE);
    assertThat(Durations.nanos(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    assertThat(Durations.plus(Long.MAX_VALUE - 5, 10)).isEqualTo(Long.MAX_VALUE);
  }
}
