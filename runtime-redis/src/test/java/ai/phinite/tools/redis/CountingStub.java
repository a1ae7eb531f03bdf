package ai.phinite.tools.redis;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for a help-desk API that records when each request arrived: {@code GET
 * /tickets/{id}} answers 200 {@code {"id": ...}}; an id starting with {@code limited-} is answered
 * once with 429 and {@code Retry-After: 2}, then 200.
 */
final class CountingStub implements AutoCloseable {
  /** One request: its ticket id, when it arrived (System.nanoTime of this JVM) and the answer. */
  record Arrival(String id, long nanos, int status) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> limitedSeen = new ConcurrentHashMap<>();

  CountingStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.createContext("/tickets/", exchange -> {
      long now = System.nanoTime();
      String id = exchange.getRequestURI().getPath().substring("/tickets/".length());
      int status = 200;
      byte[] body = ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
      if (id.startsWith("limited-")
          && limitedSeen.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement() == 0) {
        status = 429;
        exchange.getResponseHeaders().add("Retry-After", "2");
        body = "{\"error\":\"too many requests\"}".getBytes(StandardCharsets.UTF_8);
      }
      arrivals.add(new Arrival(id, now, status));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** {@code http://127.0.0.1:<port>}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Arrival> arrivals() {
    return new ArrayList<>(arrivals);
  }

  int count() {
    return arrivals.size();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
