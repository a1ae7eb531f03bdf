package ai.phinite.tools.cli.reliability;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolRuntime;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many concurrent invocations through one connection: 16 threads × 200 calls of a mix of GET,
 * POST, PATCH, PUT and DELETE subtools of the example tool, each carrying a unique request id in
 * its path, query or body, against a counting server. Every call must succeed, the server must see
 * every request exactly once, and after {@link ToolRuntime#close()} the runtime's threads must be
 * gone (a connection owns none).
 */
class LoadTest {
  static final int THREADS = 16;
  static final int CALLS = 200;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void manyConcurrentCallsThroughOneConnectionArriveExactlyOnce() throws Exception {
    Set<String> before = httpThreads();
    try (CountingHttpServer server = new CountingHttpServer()) {
      ToolRuntime own = ToolRuntime.builder().build();
      Connection connection = ReliabilityBase.builder("helpdesk", server.baseUrl())
          .runtime(own).build();
      ConcurrentLinkedQueue<String> errors = run(connection);
      connection.close();
      own.close();

      System.out.printf("load: %d requests, %d ids, %d connections accepted, %d open after close%n",
          server.requests(), server.byId().size(), server.acceptedConnections(),
          server.openConnections());
      assertWithMessage("errors").that(errors).isEmpty();
      Map<String, AtomicInteger> seen = server.byId();
      List<String> wrong = seen.entrySet().stream().filter(e -> e.getValue().get() != 1)
          .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.toList());
      assertWithMessage("requests seen other than once").that(wrong).isEmpty();
      assertThat(seen).hasSize(THREADS * CALLS);
      assertThat(server.withoutId()).isEqualTo(0);
      assertThat(server.requests()).isEqualTo(THREADS * CALLS);
      // One pooled connection per concurrent caller at most: none opened per request.
      assertThat(server.acceptedConnections()).isAtMost(THREADS * 2);

      Set<String> leaked = waitForThreads(before, 5_000);
      assertWithMessage("runtime threads still alive after close()").that(leaked).isEmpty();
    }
  }

  /**
   * On JDK 21+ closing the runtime closes its {@code HttpClient} and pooled TCP connections at
   * once. JDK 17's {@code HttpClient} cannot be closed: its pooled connections and its
   * {@code HttpClient-N-SelectorManager} thread stay until the client is garbage collected.
   */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_21) // JDK 17's HttpClient has no close()
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void closeReleasesPooledConnections() throws Exception {
    try (CountingHttpServer server = new CountingHttpServer()) {
      ToolRuntime own = ToolRuntime.builder().build();
      Connection connection = ReliabilityBase.builder("helpdesk", server.baseUrl())
          .runtime(own).build();
      connection.invoke("who_am_i", null);
      assertThat(server.openConnections()).isEqualTo(1);
      own.close();
      long deadline = System.currentTimeMillis() + 5_000;
      while (server.openConnections() > 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertWithMessage("TCP connections still open 5 s after close()")
          .that(server.openConnections()).isEqualTo(0);
    }
  }

  private static ConcurrentLinkedQueue<String> run(Connection connection) throws Exception {
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(callers.submit(() -> {
        start.await();
        for (int i = 0; i < CALLS; i++) {
          String id = "L-" + thread + "-" + i;
          try {
            call(connection, i % 6, id);
          } catch (Throwable e) {
            errors.add(id + ": " + e);
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (var f : done) {
      f.get(50, TimeUnit.SECONDS);
    }
    callers.shutdown();
    return errors;
  }

  /** One call of a mix of subtools; the id goes in the path, the query or the body. */
  private static void call(Connection connection, int kind, String id) {
    ObjectNode args = JsonNodeFactory.instance.objectNode();
    String subtool;
    switch (kind) {
      case 0 -> {
        subtool = "get_ticket";
        args.put("ticket_id", id);
      }
      case 1 -> {
        subtool = "create_ticket";
        args.put("subject", "load " + id).put("requester_email", "load@example.com");
      }
      case 2 -> {
        subtool = "update_ticket";
        args.put("ticket_id", "t").set("update_fields", Json.MAPPER.createObjectNode().put("ref", id));
      }
      case 3 -> {
        subtool = "close_ticket";
        args.put("ticket_id", id);
      }
      case 4 -> {
        subtool = "delete_ticket";
        args.put("ticket_id", id);
      }
      default -> {
        subtool = "list_tickets";
        args.putArray("tags").add(id);
      }
    }
    int status = connection.invoke(subtool, args).status();
    if (status != 200) {
      throw new AssertionError(subtool + " answered " + status);
    }
  }

  static Set<String> httpThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(Thread::getName).filter(n -> n.startsWith("phinite-"))
        .collect(Collectors.toSet());
  }

  /** The runtime threads not in {@code before} still alive after waiting up to {@code ms}. */
  static Set<String> waitForThreads(Set<String> before, long ms) throws InterruptedException {
    long deadline = System.currentTimeMillis() + ms;
    Set<String> now;
    do {
      now = httpThreads();
      now.removeAll(before);
      if (now.isEmpty()) {
        return now;
      }
      Thread.sleep(50);
    } while (System.currentTimeMillis() < deadline);
    return now;
  }
}
