package ai.phinite.tools.runtime.hosted;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP server on loopback, written on a raw socket so that it can do what well-behaved
 * servers cannot: send headers and stall, drip a byte at a time, never answer. It counts the
 * requests it reads and notices when the client closes a connection (an aborted exchange).
 */
final class RawServer implements AutoCloseable {
  /** What the server does with one request on its socket. */
  @FunctionalInterface
  interface Behaviour {
    void answer(String requestHead, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-server");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch clientClosed = new CountDownLatch(1);
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final Behaviour behaviour;

  RawServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptAll);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  int requests() {
    return requests.get();
  }

  /** Each request as received: request line, headers and body. */
  List<String> heads() {
    return heads;
  }

  /** Whether a client closed a connection on which this server was still answering. */
  boolean awaitClientClosed(long seconds) throws InterruptedException {
    return clientClosed.await(seconds, TimeUnit.SECONDS);
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        threads.execute(() -> serve(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      java.io.PushbackInputStream in = new java.io.PushbackInputStream(s.getInputStream(), 1);
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        requests.incrementAndGet();
        heads.add(head);
        try {
          behaviour.answer(head, s.getOutputStream());
        } catch (IOException writeFailed) {
          clientClosed.countDown(); // the client went away while the server was answering
          return;
        }
        s.setSoTimeout(30_000);
        try {
          int next = in.read(); // the next request, or the client closing the connection
          if (next == -1) {
            clientClosed.countDown();
            return;
          }
          in.unread(next);
          s.setSoTimeout(0);
        } catch (SocketTimeoutException e) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      clientClosed.countDown();
    }
  }

  /** The request line, headers and body, or {@code null} at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b == -1) {
        return null;
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = contentLength(text);
    return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
