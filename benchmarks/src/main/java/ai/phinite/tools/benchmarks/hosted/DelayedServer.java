package ai.phinite.tools.benchmarks.hosted;

import ai.phinite.tools.benchmarks.Fixtures;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server that answers every {@code GET /v1/customers/{id}} with the fixture customer after
 * {@code delayMs}, without holding a thread per waiting request: the JDK {@code HttpServer}'s
 * handler hands the exchange to a scheduler, which answers it later. So a thousand requests can
 * wait at once, as they would on a slow real API.
 */
final class DelayedServer implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
  private final AtomicLong requests = new AtomicLong();

  DelayedServer(long delayMs) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      answers.schedule(() -> answer(exchange), delayMs, TimeUnit.MILLISECONDS);
    });
    server.setExecutor(null);
    server.start();
  }

  private static void answer(HttpExchange exchange) {
    try (exchange; OutputStream out = exchange.getResponseBody()) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, Fixtures.CUSTOMER_RESPONSE.length);
      out.write(Fixtures.CUSTOMER_RESPONSE);
    } catch (IOException e) {
      // the client went away; nothing to answer
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  long requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    answers.shutdownNow();
  }
}
