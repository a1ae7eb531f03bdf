package ai.phinite.tools.cli.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal HTTP/1.1 server (keep-alive, Content-Length bodies) that answers {@code 200 {}} to
 * everything and counts what it sees: every request, each unique request id (a {@code L-<n>-<n>}
 * token found in the request line or body), and the TCP connections currently open. Written on
 * plain sockets so that the open-connection count is exact.
 */
final class CountingHttpServer implements AutoCloseable {
  static final Pattern ID = Pattern.compile("L-\\d+-\\d+");

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "counting-server");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger withoutId = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();

  CountingHttpServer() throws IOException {
    socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int requests() {
    return requests.get();
  }

  int withoutId() {
    return withoutId.get();
  }

  Map<String, AtomicInteger> byId() {
    return byId;
  }

  /** Connections accepted and not yet closed by either side. */
  int openConnections() {
    return open.get();
  }

  int acceptedConnections() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.incrementAndGet();
        accepted.incrementAndGet();
        pool.execute(() -> serve(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = new BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        int length = 0;
        for (String line : head.split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        count(requestLine + "\n" + new String(body, StandardCharsets.UTF_8));
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
            + "\r\n{}").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.decrementAndGet();
    }
  }

  private void count(String request) {
    requests.incrementAndGet();
    Matcher m = ID.matcher(request);
    if (m.find()) {
      byId.computeIfAbsent(m.group(), k -> new AtomicInteger()).incrementAndGet();
    } else {
      withoutId.incrementAndGet();
    }
  }

  /** The request line and headers, or null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(256);
    int state = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) ? state + 1
          : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
