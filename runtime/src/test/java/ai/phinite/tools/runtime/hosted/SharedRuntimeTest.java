package ai.phinite.tools.runtime.hosted;

import static ai.phinite.tools.runtime.hosted.Hosted.args;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.CallListener;
import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.RateLimiter;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.SampleProvider;
import ai.phinite.tools.runtime.ToolRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One runtime shared by many connections: connections cost no threads (building 2,000 starts
 * none; calling on each leaves the runtime's bounded set), listeners hear every attempt and wait
 * with exact counts and nothing secret, and the rate limiter is asked by a key of the tool, the
 * scope and the connection's identity, and told when a server pauses it.
 */
class SharedRuntimeTest {
  private static final Duration HANG = Duration.ofSeconds(120);
  private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
      + "Content-Length: 11\r\n\r\n{\"ok\":true}";


  /** Live threads of runtimes and of the JDK HTTP client in this JVM, by name. */
  private static java.util.Set<String> runtimeThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && (t.getName().startsWith("phinite-")
            || t.getName().startsWith("HttpClient-")))
        .map(Thread::getName)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** The threads started since {@code before} (other tests' runtimes may end theirs meanwhile). */
  private static java.util.Set<String> startedSince(java.util.Set<String> before) {
    java.util.Set<String> now = runtimeThreads();
    now.removeAll(before);
    return now;
  }

  @Test
  void twoThousandConnectionsWithOneCallEachKeepTheRuntimesThreads() throws Exception {
    int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii(OK));
      out.flush();
    }); ToolRuntime runtime = ToolRuntime.builder().build()) {
      java.util.Set<String> before = runtimeThreads();
      List<Connection> open = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        open.add(new SampleProvider().connection().credential("token", "tenant-token-" + i)
            .baseUrl("api", server.baseUrl()).runtime(runtime).build());
      }
      assertThat(startedSince(before)).isEmpty(); // building a connection starts no thread

      assertTimeoutPreemptively(HANG, () -> {
        for (int from = 0; from < open.size(); from += 50) { // 50 calls in flight at a time
          List<CompletableFuture<Response>> calls = new ArrayList<>();
          for (Connection c : open.subList(from, from + 50)) {
            calls.add(c.invokeAsync("get_item", args()));
          }
          for (CompletableFuture<Response> call : calls) {
            assertThat(call.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
          }
        }
      });
      assertThat(server.requests()).isEqualTo(2_000);
      // two pools of max(2, cores), one scheduler, the HTTP client's selector
      assertThat(startedSince(before).size()).isAtMost(2 * cores + 2);
      for (Connection c : open) {
        c.close();
      }
      assertThat(startedSince(before).size()).isAtMost(2 * cores + 2);
    }
  }

  @Test
  void listenersHearEveryAttemptAndWaitWithExactCountsAndNoSecrets() throws Exception {
    AtomicInteger served = new AtomicInteger();
    List<String> heard = new CopyOnWriteArrayList<>();
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii(served.getAndIncrement() == 0
          ? "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n"
          : OK));
      out.flush();
    }); ToolRuntime runtime = ToolRuntime.builder().skipWaits()
        .listener(recorder("runtime", heard)).build()) {
      Connection c = Hosted.sample(server.baseUrl()).runtime(runtime).build();
      Response r = assertTimeoutPreemptively(HANG, () -> c.invoke("get_item", args(),
          CallOptions.builder().listener(recorder("call", heard)).build()));
      assertThat(r.status()).isEqualTo(200);
      String call = "sample/get_item/" + c.id();
      String attempt = " get_item GET api 127.0.0.1:"
          + server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1);
      assertThat(heard).containsExactly(
          "runtime started " + call, "call started " + call,
          "runtime attempt 1" + attempt, "call attempt 1" + attempt,
          "runtime ended 1 503 http_error", "call ended 1 503 http_error",
          "runtime waiting RETRY_AFTER PT1S", "call waiting RETRY_AFTER PT1S",
          "runtime attempt 2" + attempt, "call attempt 2" + attempt,
          "runtime ended 2 200 null", "call ended 2 200 null",
          "runtime outcome 200 null 2", "call outcome 200 null 2").inOrder();
      for (String event : heard) {
        assertThat(event).doesNotContain("t0k3n-secret");
      }
    }
  }

  private static CallListener recorder(String who, List<String> heard) {
    return call -> {
      heard.add(who + " started " + call.tool() + "/" + call.subtool() + "/" + call.connectionId());
      return new CallListener.Observer() {
        @Override
        public void attemptStarted(CallListener.Attempt a) {
          heard.add(who + " attempt " + a.number() + " " + a.operation() + " " + a.method() + " "
              + a.server() + " " + a.host() + ":" + a.port());
        }

        @Override
        public void attemptEnded(CallListener.Attempt a, int status, String errorKind,
            Duration duration) {
          heard.add(who + " ended " + a.number() + " " + status + " " + errorKind);
        }

        @Override
        public void waiting(CallListener.Wait reason, Duration duration) {
          heard.add(who + " waiting " + reason + " " + duration);
        }

        @Override
        public void callEnded(CallListener.Outcome o) {
          heard.add(who + " outcome " + o.status() + " " + o.errorKind() + " " + o.attempts());
        }
      };
    };
  }

  @Test
  void aListenerThatThrowsNeverChangesTheCall() throws Exception {
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii(OK));
      out.flush();
    }); ToolRuntime runtime = ToolRuntime.builder().listener(call -> {
      throw new IllegalStateException("listener bug");
    }).build()) {
      Connection c = Hosted.sample(server.baseUrl()).runtime(runtime).build();
      assertThat(c.invoke("get_item", args()).status()).isEqualTo(200);
    }
  }

  @Test
  void theRateLimiterIsAskedByKeyAndToldWhenTheServerPauses() throws Exception {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    List<String> asked = new CopyOnWriteArrayList<>();
    RateLimiter recording = new RateLimiter() {
      @Override
      public Duration reserve(Key key, RateLimit limit, Duration maxWait) {
        asked.add("reserve " + key + " " + limit.requests() + "/" + limit.per());
        return Duration.ZERO;
      }

      @Override
      public Duration untilFree(Key key, RateLimit limit) {
        return Duration.ZERO;
      }

      @Override
      public void pauseUntil(Key key, Instant until) {
        asked.add("pause " + key + " until " + until);
      }
    };
    AtomicInteger served = new AtomicInteger();
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii(served.getAndIncrement() == 0
          ? "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n"
          : OK));
      out.flush();
    }); ToolRuntime runtime = ToolRuntime.builder().skipWaits().rateLimiter(recording)
        .clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      Connection c = Hosted.sample(server.baseUrl()).runtime(runtime)
          .rateLimit("api", new RateLimit(10, Duration.ofSeconds(1))).build();
      assertThat(c.invoke("get_item", args()).status()).isEqualTo(200);
      String key = "sample/server:api/" + c.id();
      assertThat(asked).containsExactly(
          "reserve " + key + " 10/PT1S",
          "pause " + key + " until 2026-12-01T12:00:02Z",
          "reserve " + key + " 10/PT1S").inOrder();
    }
  }

  @Test
  void aConnectionsIdentityIsAKeyedHashOfItsValues() {
    try (ToolRuntime a = ToolRuntime.builder().build();
        ToolRuntime b = ToolRuntime.builder()
            .connectionIdentityKey("replica-key".getBytes(StandardCharsets.UTF_8)).build()) {
      String one = new SampleProvider().connection().credential("token", "t0k3n-secret")
          .runtime(a).build().id();
      assertThat(new SampleProvider().connection().credential("token", "t0k3n-secret")
          .runtime(a).build().id()).isEqualTo(one);
      assertThat(new SampleProvider().connection().credential("token", "other-token")
          .runtime(a).build().id()).isNotEqualTo(one);
      assertThat(new SampleProvider().connection().credential("token", "t0k3n-secret")
          .runtime(b).build().id()).isNotEqualTo(one);
      assertThat(one).matches("[A-Za-z0-9_-]{22}");
      assertThat(one).doesNotContain("t0k3n");
    }
  }
}
