package ai.phinite.tools.cli;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * MCP over stdio that survives anything a client sends: one JSON-RPC message per line in, one per
 * line out. Each line passes the {@link JsonRpcGate} first; a line that is not a message gets the
 * JSON-RPC error it deserves and the next line is read as usual. A line longer than the limit is
 * skipped and answered with {@code -32600}; bytes that are not UTF-8 with {@code -32700}.
 *
 * <p>{@code notifications/cancelled} cancels the runtime call of the request it names, and that
 * request then gets no response (as the MCP spec asks). Requests sent before
 * {@code notifications/initialized} are refused rather than left waiting forever.
 *
 * <p>{@link #serve()} returns when standard input ends, after the calls in flight have answered
 * (each within its deadline) or {@code drainLimit} has passed. This class implements the SDK's
 * transport SPI; the SDK's own stdio transport stops reading at the first bad line.
 */
final class McpStdioTransport implements McpServerTransportProvider {
  private final McpJsonMapper mapper;
  private final InputStream in;
  private final OutputStream out;
  private final int maxLineBytes;
  private final Duration drainLimit;
  private final McpCallRegistry calls;
  private final Set<String> tools;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private final Object drained = new Object();
  private volatile boolean initialized;
  private volatile boolean outputBroken;
  private McpServerSession session;

  /**
   * A transport on these streams.
   *
   * @param maxLineBytes the longest message accepted, in bytes
   * @param drainLimit how long calls in flight may still run after the input ends
   * @param calls the running calls, for cancellation
   * @param tools the names of the server's tools
   */
  McpStdioTransport(McpJsonMapper mapper, InputStream in, OutputStream out, int maxLineBytes,
      Duration drainLimit, McpCallRegistry calls, Set<String> tools) {
    this.mapper = mapper;
    this.in = in;
    this.out = out;
    this.maxLineBytes = maxLineBytes;
    this.drainLimit = drainLimit;
    this.calls = calls;
    this.tools = tools;
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory sessionFactory) {
    this.session = sessionFactory.create(new SessionTransport());
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    return session == null ? Mono.empty() : session.sendNotification(method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return session == null ? Mono.empty() : session.closeGracefully();
  }

  /**
   * Reads and handles messages until the input ends, then waits for the calls in flight (at most
   * the drain limit).
   */
  void serve() throws InterruptedException {
    try {
      LineReader lines = new LineReader(in, maxLineBytes);
      for (Line line = lines.next(); line != null; line = lines.next()) {
        handle(line);
      }
    } catch (IOException e) {
      // Standard input failed: treat it as closed.
    }
    long end = System.nanoTime() + drainLimit.toNanos();
    synchronized (drained) {
      while (!inFlight.isEmpty() && !outputBroken) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          break;
        }
        drained.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private void handle(Line line) {
    if (line.tooLong()) {
      write(JsonRpcGate.error(null, JsonRpcGate.INVALID_REQUEST, "Invalid Request: the message"
          + " is longer than " + maxLineBytes + " bytes; it was skipped"));
      return;
    }
    if (line.text() == null) {
      write(JsonRpcGate.error(null, JsonRpcGate.PARSE_ERROR, "Parse error: the message is not"
          + " UTF-8 text"));
      return;
    }
    if (line.text().isBlank()) {
      return; // an empty line is no message
    }
    JsonRpcGate.Verdict verdict = JsonRpcGate.check(line.text(), tools);
    if (verdict instanceof JsonRpcGate.Reply reply) {
      write(reply.response());
    } else if (verdict instanceof JsonRpcGate.Forward message) {
      forward(message);
    }
  }

  private void forward(JsonRpcGate.Forward message) {
    String cancelledId = message.cancelledRequest();
    if (cancelledId != null) {
      if (inFlight.contains(cancelledId)) {
        cancelled.add(cancelledId);
        calls.cancel(session.getId(), cancelledId);
      }
      return;
    }
    if ("notifications/initialized".equals(message.method())) {
      initialized = true;
    }
    if (message.isRequest()) {
      if (!initialized && !"initialize".equals(message.method())) {
        write("ping".equals(message.method())
            ? JsonRpcGate.emptyResult(message.id())
            : JsonRpcGate.error(message.id(), JsonRpcGate.INVALID_REQUEST, "Invalid Request: the"
                + " session is not initialized; send initialize, then"
                + " notifications/initialized, then " + message.method()));
        return;
      }
      if (!inFlight.add(message.id())) {
        write(JsonRpcGate.error(message.id(), JsonRpcGate.INVALID_REQUEST, "Invalid Request: id "
            + message.id() + " is already used by a request in progress; give each request its"
            + " own id"));
        return;
      }
    }
    McpSchema.JSONRPCMessage parsed;
    try {
      parsed = McpSchema.deserializeJsonRpcMessage(mapper, message.message().toString());
    } catch (IOException | RuntimeException e) {
      if (message.isRequest()) {
        finished(message.id());
        write(JsonRpcGate.error(message.id(), JsonRpcGate.INVALID_REQUEST, "Invalid Request: the"
            + " message is not a JSON-RPC 2.0 request the server can read"));
      }
      return;
    }
    McpTransportContext context = McpTransportContext.create(message.id() == null
        ? Map.of() : Map.of(McpCallRegistry.REQUEST_ID, message.id()));
    session.handle(parsed)
        .contextWrite(c -> c.put(McpTransportContext.KEY, context))
        .subscribe(null, e -> {
          if (message.isRequest()) {
            finished(message.id());
          }
        });
  }

  private void finished(String id) {
    inFlight.remove(id);
    cancelled.remove(id);
    synchronized (drained) {
      drained.notifyAll();
    }
  }

  private void write(Object message) {
    String json;
    try {
      json = mapper.writeValueAsString(message);
    } catch (IOException e) {
      return;
    }
    // JSON text never holds a raw line break, but a mapper set to indent would: keep one line.
    byte[] bytes = (json.replace("\r", "").replace("\n", "") + "\n")
        .getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        outputBroken = true; // the client is gone; nothing more can be delivered
        synchronized (drained) {
          drained.notifyAll();
        }
      }
    }
  }

  /** The session's side of the transport: what the SDK sends goes out as one line each. */
  private final class SessionTransport implements McpServerTransport {
    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      return Mono.fromRunnable(() -> {
        if (message instanceof McpSchema.JSONRPCResponse response && response.id() != null) {
          String id = idText(response.id());
          boolean wasCancelled = cancelled.contains(id);
          if (!wasCancelled) {
            write(message);
          }
          finished(id);
        } else {
          write(message);
        }
      });
    }

    private String idText(Object id) {
      try {
        return mapper.writeValueAsString(id);
      } catch (IOException e) {
        return String.valueOf(id);
      }
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return mapper.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }

    @Override
    public void close() {}
  }

  /**
   * One line of input: its text, {@code null} text when it is not UTF-8, or too long.
   */
  private record Line(String text, boolean tooLong) {}

  /** Reads lines of bytes up to a limit, decoding each strictly as UTF-8. */
  private static final class LineReader {
    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int end;

    LineReader(InputStream in, int limit) {
      this.in = in;
      this.limit = limit;
    }

    /** The next line, or {@code null} at the end of input. */
    Line next() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean tooLong = false;
      boolean any = false;
      while (true) {
        if (pos == end) {
          end = in.read(buffer);
          pos = 0;
          if (end <= 0) {
            end = 0;
            return any ? finish(line, tooLong) : null;
          }
        }
        any = true;
        int start = pos;
        while (pos < end && buffer[pos] != '\n') {
          pos++;
        }
        int length = pos - start;
        if (!tooLong && line.size() + length > limit) {
          tooLong = true;
          line.reset();
        }
        if (!tooLong) {
          line.write(buffer, start, length);
        }
        if (pos < end) {
          pos++; // the newline
          return finish(line, tooLong);
        }
      }
    }

    private static Line finish(ByteArrayOutputStream bytes, boolean tooLong) {
      if (tooLong) {
        return new Line("", true);
      }
      byte[] raw = bytes.toByteArray();
      int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
      try {
        String text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(raw, 0, length)).toString();
        return new Line(text, false);
      } catch (CharacterCodingException e) {
        return new Line(null, false);
      }
    }
  }
}
