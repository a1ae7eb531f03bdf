package ai.phinite.tools.redis;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Three replicas, each a JVM of its own ({@link ReplicaMain}), share one real Redis and send
 * through the runtime to one local stub that records when each request arrived.
 */
class ReplicasTest {
  @RegisterExtension
  static final RedisServerExtension REDIS = new RedisServerExtension();

  private static final Duration BOUND = Duration.ofSeconds(90);

  private static CountingStub stub;
  private static final List<Replica> replicas = new ArrayList<>();
  private int before;

  @BeforeAll
  static void startReplicas() throws IOException {
    stub = new CountingStub();
    for (int i = 1; i <= 3; i++) {
      replicas.add(new Replica("r" + i, REDIS.url(), stub.url()));
    }
    assertTimeoutPreemptively(BOUND, () -> replicas.forEach(r -> r.awaitLine("ready")));
  }

  @AfterAll
  static void stopReplicas() {
    replicas.forEach(Replica::close);
    stub.close();
  }

  @BeforeEach
  void setUp() {
    REDIS.flushAll();
    before = stub.count();
    sync();
  }

  /** Waits until every replica's limiter is on Redis again. */
  private static void sync() {
    assertTimeoutPreemptively(BOUND, () -> {
      replicas.forEach(r -> r.send("sync"));
      replicas.forEach(r -> r.awaitLines("synced", r.sent("sync")));
    });
  }

  private static List<CountingStub.Arrival> arrivals(int from) {
    List<CountingStub.Arrival> all = stub.arrivals();
    return all.subList(from, all.size());
  }

  @Test
  void theDeclaredBudgetHoldsForThreeReplicasTogether() {
    assertTimeoutPreemptively(BOUND, () -> {
      int requests = 5;
      Duration per = Duration.ofSeconds(1);
      String limit = " " + requests + " " + per.toMillis();
      // a first call warms each JVM up; then the bucket fills again before the real run
      replicas.forEach(r -> r.send("run " + r.name + "w 1 1" + limit));
      replicas.forEach(r -> r.awaitLine("finished " + r.name + "w"));
      Thread.sleep(per.toMillis() + 200);
      int from = stub.count();

      replicas.forEach(r -> r.send("run " + r.name + "b 8 2" + limit));
      replicas.forEach(r -> r.awaitLine("finished " + r.name + "b"));

      assertThat(replicas.stream().flatMap(r -> r.results().values().stream())
          .filter(v -> !v.equals("ok")).toList()).isEmpty();
      List<Long> times = arrivals(from).stream()
          .map(CountingStub.Arrival::nanos).sorted().toList();
      assertThat(times).hasSize(24);
      // A token bucket of 5 per second lets through at most 5 + 5 = 10 in any one-second window
      // (a burst, then the steady rate); one more for a request that left its slot late. Three
      // replicas counting apart would send 15 at once.
      int most = 0;
      for (int i = 0; i < times.size(); i++) {
        int inWindow = 0;
        for (int j = i; j < times.size() && times.get(j) - times.get(i) < per.toNanos(); j++) {
          inWindow++;
        }
        most = Math.max(most, inWindow);
      }
      assertThat(most).isAtMost(2 * requests + 1);
      assertThat(most).isAtLeast(requests);
    });
  }

  @Test
  void aRedisRestartInTheMiddleLosesNoCallAndSendsNoneTwice() {
    assertTimeoutPreemptively(BOUND, () -> {
      replicas.forEach(r -> r.send("run " + r.name + "x 30 2 20 1000"));
      waitUntil(() -> stub.count() >= before + 30);
      REDIS.stop();
      int whileDown = stub.count();
      waitUntil(() -> stub.count() >= whileDown + 5); // calls go on, on the local fallback
      REDIS.start();
      replicas.forEach(r -> r.awaitLine("finished " + r.name + "x"));

      TreeSet<String> expected = new TreeSet<>();
      for (Replica r : replicas) {
        Map<String, String> results = r.results(r.name + "x-");
        for (int i = 1; i <= 30; i++) {
          expected.add(r.name + "x-" + i);
        }
        assertThat(results.values().stream().distinct().toList()).containsExactly("ok");
        assertThat(results).hasSize(30);
      }
      Map<String, Long> perId = arrivals(before).stream().collect(
          Collectors.groupingBy(CountingStub.Arrival::id, Collectors.counting()));
      assertThat(perId.keySet()).containsExactlyElementsIn(expected);
      assertThat(perId.values().stream().distinct().toList()).containsExactly(1L);
      // every replica goes back to Redis after its restart (its statistics start at zero then)
      sync();
      try (Jedis j = REDIS.client()) {
        String stats = j.info("commandstats");
        assertThat(stats).containsMatch("cmdstat_eval(sha)?:calls=[1-9]");
      }
    });
  }

  @Test
  void a429SeenByOneReplicaPausesTheOthers() {
    assertTimeoutPreemptively(BOUND, () -> {
      Replica first = replicas.get(0);
      first.send("run limited 1 1 100 1000");
      waitUntil(() -> arrivals(before).stream().anyMatch(a -> a.status() == 429));
      long refusedAt = arrivals(before).get(0).nanos();
      // the first replica has read the 429 and paused the connection, in Redis
      waitUntil(() -> {
        try (Jedis j = REDIS.client()) {
          return !j.keys("phinite:ratelimit:{helpdesk/server:api/*}:pause").isEmpty();
        }
      });
      replicas.get(1).send("run p2 1 1 100 1000");
      replicas.get(2).send("run p3 1 1 100 1000");
      first.awaitLine("finished limited");
      replicas.get(1).awaitLine("finished p2");
      replicas.get(2).awaitLine("finished p3");

      assertThat(first.results("limited-")).containsExactly("limited-1", "ok");
      assertThat(replicas.get(1).results("p2-")).containsExactly("p2-1", "ok");
      assertThat(replicas.get(2).results("p3-")).containsExactly("p3-1", "ok");
      // Retry-After: 2 paused the connection in Redis: the others' requests came after it ended
      // (less a margin for the clocks read on the way), not at once
      long pauseEnd = refusedAt + Duration.ofMillis(1900).toNanos();
      for (CountingStub.Arrival a : arrivals(before)) {
        if (a.id().startsWith("p")) {
          assertWithMessage("%s came %s ms after the 429", a.id(),
              (a.nanos() - refusedAt) / 1_000_000).that(a.nanos()).isAtLeast(pauseEnd);
        }
      }
      assertThat(arrivals(before).stream().map(CountingStub.Arrival::id).toList())
          .containsExactly("limited-1", "limited-1", "p2-1", "p3-1");
    });
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(10);
    }
  }

  /** One replica JVM, talked to over its standard input and output. */
  private static final class Replica implements AutoCloseable {
    final String name;
    private final Process process;
    private final Path errors;
    private final PrintStream in;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> sent = new ArrayList<>();

    Replica(String name, String redisUrl, String stubUrl) {
      this.name = name;
      try {
        errors = Files.createTempFile("replica-" + name, ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), ReplicaMain.class.getName(),
            redisUrl, stubUrl)
            .redirectError(errors.toFile())
            .start();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException closed) {
          // the replica is gone
        }
      }, "replica-" + name);
      reader.setDaemon(true);
      reader.start();
    }

    void send(String command) {
      sent.add(command);
      in.println(command);
    }

    /** How many times this command was sent. */
    int sent(String command) {
      return (int) sent.stream().filter(command::equals).count();
    }

    /** Waits for the line (the test's own bound stops a hang). */
    void awaitLine(String line) {
      awaitLines(line, 1);
    }

    int count(String line) {
      return (int) lines.stream().filter(line::equals).count();
    }

    /** Waits until the line has been printed {@code times} times. */
    void awaitLines(String line, int times) {
      try {
        while (count(line) < times) {
          if (!process.isAlive()) {
            throw new AssertionError("replica " + name + " exited before printing '" + line
                + "': " + Files.readString(errors));
          }
          Thread.sleep(10);
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Each call id's result: {@code ok} or the error kind. */
    Map<String, String> results() {
      return results("");
    }

    /** The results of the calls whose ids start with {@code prefix}. */
    Map<String, String> results(String prefix) {
      Map<String, String> out = new HashMap<>();
      for (String l : lines) {
        if (l.startsWith("result " + prefix)) {
          String[] p = l.split(" ");
          if (out.put(p[1], p[2]) != null) {
            throw new AssertionError("call " + p[1] + " reported twice");
          }
        }
      }
      return out;
    }

    @Override
    public void close() {
      in.println("quit");
      in.close();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(errors);
      } catch (InterruptedException | IOException e) {
        process.destroyForcibly();
      }
    }
  }
}
