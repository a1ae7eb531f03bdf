package ai.phinite.tools.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal fixed-response HTTP/1.1 server on 127.0.0.1 (the JDK's {@code HttpServer}, handlers on
 * its one dispatcher thread), so the server's own cost is small and the same for every client:
 *
 * <ul>
 *   <li>{@code GET /v1/customers/{id}} → 200 with {@link Fixtures#CUSTOMER_RESPONSE};
 *   <li>{@code POST /v1/customers} → 201 with {@link Fixtures#CREATED_RESPONSE} (the request body
 *       is read fully);
 *   <li>anything else → 404 {@code {"errors":[{"title":"not found"}]}}.
 * </ul>
 *
 * It counts requests and the bytes its dispatcher thread allocates, so a report can say how much of
 * a measured allocation per call is the server's, and can record the last request for checks.
 */
public final class LocalServer implements AutoCloseable {
  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: ~40 ms per request, whatever the client.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final byte[] NOT_FOUND =
      "{\"errors\":[{\"status\":404,\"title\":\"not found\"}]}".getBytes(StandardCharsets.UTF_8);

  /** One request as received. */
  public record Received(String method, String rawPath, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();
  private volatile boolean record;
  private volatile Received last;
  private volatile long dispatcherThreadId = -1;
  private long allocatedAtStart = -1;

  private LocalServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  public static LocalServer start() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      LocalServer s = new LocalServer(http);
      http.createContext("/", s::handle);
      http.setExecutor(null); // handlers run on the dispatcher thread
      http.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the local server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>/v1}: the base URL of the {@code api} server. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Records every request from now on (for checks, not while measuring). */
  public void record(boolean on) {
    record = on;
  }

  /** The last request recorded, or {@code null}. */
  public Received last() {
    return last;
  }

  /** Requests served so far. */
  public long requests() {
    return requests.get();
  }

  /** Starts counting the bytes the dispatcher thread allocates (after a first request). */
  public void markAllocation() {
    allocatedAtStart = dispatcherAllocated();
  }

  /** Bytes the dispatcher thread allocated since {@link #markAllocation}, or -1. */
  public long allocatedSinceMark() {
    long now = dispatcherAllocated();
    return now < 0 || allocatedAtStart < 0 ? -1 : now - allocatedAtStart;
  }

  private long dispatcherAllocated() {
    long id = dispatcherThreadId;
    if (id < 0) {
      return -1;
    }
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun) {
      return sun.getThreadAllocatedBytes(id);
    }
    return -1;
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (dispatcherThreadId < 0) {
      dispatcherThreadId = Thread.currentThread().getId();
    }
    requests.incrementAndGet();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    if (record) {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
      last = new Received(method, exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
          headers, new String(body, StandardCharsets.UTF_8));
    }
    int status;
    byte[] response;
    if (method.equals("GET") && path.startsWith("/v1/customers/") && path.length() > "/v1/customers/".length()) {
      status = 200;
      response = Fixtures.CUSTOMER_RESPONSE;
    } else if (method.equals("POST") && path.equals("/v1/customers")) {
      status = 201;
      response = Fixtures.CREATED_RESPONSE;
    } else {
      status = 404;
      response = NOT_FOUND;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, response.length);
    exchange.getResponseBody().write(response);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Header names a check ignores: they differ by client library, not by what is sent. */
  public static final List<String> TRANSPORT_HEADERS = new ArrayList<>(List.of(
      "connection", "host", "content-length", "accept-encoding", "upgrade", "http2-settings"));
}
