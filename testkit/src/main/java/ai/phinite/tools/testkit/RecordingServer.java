package ai.phinite.tools.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * JDK HTTP servers on loopback, one per tool server, that record every request and answer with
 * the first matching stub or the default response.
 */
final class RecordingServer {
  static {
    // The JDK server writes headers and body apart; with Nagle's algorithm on, every response
    // would wait for the client's delayed ACK (tens of milliseconds). Read once, when the first
    // server starts; a value set on the command line wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Map<String, HttpServer> servers = new LinkedHashMap<>();
  private final List<RecordedRequest> received = new ArrayList<>();
  private final List<Stub> stubs = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "phinite-testkit-server");
    t.setDaemon(true);
    return t;
  });
  private CannedResponse fallback;

  RecordingServer(List<String> serverIds, CannedResponse fallback) throws IOException {
    this.fallback = fallback;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      for (String id : serverIds) {
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        server.createContext("/", exchange -> answer(id, exchange));
        server.setExecutor(threads);
        server.start();
        servers.put(id, server);
      }
    } catch (IOException | RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** {@code http://127.0.0.1:port} of a tool server (no trailing slash). */
  String origin(String serverId) {
    InetSocketAddress address = servers.get(serverId).getAddress();
    String host = address.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  synchronized List<RecordedRequest> received() {
    return List.copyOf(received);
  }

  synchronized void reset(CannedResponse newFallback) {
    received.clear();
    stubs.clear();
    fallback = newFallback;
  }

  synchronized void clearReceived() {
    received.clear();
  }

  synchronized void fallback(CannedResponse response) {
    fallback = response;
  }

  synchronized void add(Stub stub) {
    stubs.add(stub);
  }

  void stop() {
    servers.values().forEach(s -> s.stop(0));
    threads.shutdownNow();
  }

  private void answer(String serverId, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach(
          (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      RecordedRequest request = new RecordedRequest(serverId, exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), headers, body);
      CannedResponse response = record(request);
      response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
      byte[] out = response.body();
      boolean noBody = out.length == 0 || request.method().equals("HEAD")
          || response.status() == 204 || response.status() == 304;
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : out.length);
      if (!noBody) {
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private synchronized CannedResponse record(RecordedRequest request) {
    received.add(request);
    for (Stub stub : stubs) {
      if (stub.matches(request)) {
        return stub.next();
      }
    }
    return fallback;
  }

  /** Canned responses for the requests that match; the last one repeats. */
  static final class Stub {
    private final String server;
    private final String method;
    private final String url;
    private final List<CannedResponse> responses;
    private int served;

    Stub(String server, String method, String url, List<CannedResponse> responses) {
      this.server = server;
      this.method = method;
      this.url = url;
      this.responses = List.copyOf(responses);
    }

    boolean matches(RecordedRequest r) {
      return (server == null || server.equals(r.server()))
          && (method == null || method.equalsIgnoreCase(r.method()))
          && (url == null || url.equals(r.url()) || (!url.contains("?") && url.equals(r.path())));
    }

    CannedResponse next() {
      return responses.get(Math.min(served++, responses.size() - 1));
    }
  }
}
