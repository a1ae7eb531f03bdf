package ai.phinite.tools.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tiny in-memory help desk on the JDK's HTTP server, speaking just enough of
 * {@link HelpdeskTool}'s API for the offline demo: the API under {@code /v2} (Bearer token) and the
 * attachment store's {@code /ping} ({@code X-Files-Key}). It binds to 127.0.0.1 on a free port and
 * logs every request it receives, so the demo can show what went over the wire.
 */
public final class DemoServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiKey;
  private final String filesKey;
  private final HttpServer server;
  private final Map<String, ObjectNode> tickets = new LinkedHashMap<>();
  private final Map<String, String> contactsByEmail = new LinkedHashMap<>();
  private final List<String> log = new ArrayList<>();
  private int nextTicket = 1000;
  private int nextNote = 1;

  private DemoServer(String apiKey, String filesKey) throws IOException {
    this.apiKey = apiKey;
    this.filesKey = filesKey;
    this.server = HttpServer.create(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", this::handle);
    seed();
  }

  /** Starts a server that accepts these keys. */
  public static DemoServer start(String apiKey, String filesKey) throws IOException {
    DemoServer s = new DemoServer(apiKey, filesKey);
    s.server.start();
    return s;
  }

  /** The server's root URL, e.g. {@code http://127.0.0.1:50123}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The requests received since the last call, as {@code METHOD /path?query}. */
  public synchronized List<String> takeLog() {
    List<String> out = new ArrayList<>(log);
    log.clear();
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void seed() {
    ObjectNode t = JSON.createObjectNode();
    t.put("subject", "Cannot log in");
    t.putObject("requester").put("email", "grace@example.com");
    t.put("priority", 3);
    create(t);
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String rawPath = ex.getRequestURI().getRawPath();
      String rawQuery = ex.getRequestURI().getRawQuery();
      log.add(ex.getRequestMethod() + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
      byte[] in;
      try (InputStream body = ex.getRequestBody()) {
        in = body.readAllBytes();
      }
      Reply reply;
      try {
        reply = route(ex, rawPath, query(rawQuery), in);
      } catch (IOException | RuntimeException badRequest) {
        reply = error(400, "bad_request",
            "The request could not be read: " + badRequest.getMessage());
      }
      byte[] out = reply.body == null ? new byte[0] : JSON.writeValueAsBytes(reply.body);
      if (out.length > 0) {
        ex.getResponseHeaders().set("Content-Type", "application/json");
      }
      ex.sendResponseHeaders(reply.status, out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    }
  }

  private record Reply(int status, JsonNode body) {}

  private Reply route(HttpExchange ex, String rawPath, Map<String, String> query, byte[] in)
      throws IOException {
    String method = ex.getRequestMethod();
    if (rawPath.equals("/ping") || rawPath.equals("/attachments")) {
      if (!Objects.equals(ex.getRequestHeaders().getFirst("X-Files-Key"), filesKey)) {
        return new Reply(401, JSON.createObjectNode().put("message", "Invalid files key"));
      }
      return rawPath.equals("/ping") && method.equals("GET")
          ? new Reply(200, JSON.createObjectNode().put("ok", true))
          : error(404, "not_found", "No route " + method + " " + rawPath);
    }
    if (!rawPath.startsWith("/v2/")) {
      return error(404, "not_found", "No route " + method + " " + rawPath);
    }
    if (!Objects.equals(ex.getRequestHeaders().getFirst("Authorization"), "Bearer " + apiKey)) {
      return error(401, "unauthorized", "Invalid API key");
    }
    List<String> p = new ArrayList<>();
    for (String segment : rawPath.substring(4).split("/", -1)) {
      p.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    String route = method + " " + shape(p);
    switch (route) {
      case "GET me":
        return new Reply(200,
            JSON.createObjectNode().put("id", "agent-7").put("name", "Demo Agent"));
      case "POST tickets":
        return createTicket(body(in));
      case "GET tickets":
        return listTickets(query);
      case "GET tickets/*":
        return withTicket(p.get(1), t -> new Reply(200, t));
      case "PATCH tickets/*":
        return withTicket(p.get(1), t -> update(t, body(in)));
      case "PUT tickets/*/status":
        return withTicket(p.get(1), t -> {
          t.put("status", body(in).path("status").asText("open"));
          return new Reply(200, t);
        });
      case "POST tickets/*/notes":
        return withTicket(p.get(1), t -> addNote(t, body(in)));
      case "GET contacts/*/tickets":
        return newestTickets(p.get(1), query);
      default:
        return error(404, "not_found", "No route " + method + " " + rawPath);
    }
  }

  /** The path with its variable segments as {@code *}: {@code tickets/*}/notes. */
  private static String shape(List<String> p) {
    StringBuilder s = new StringBuilder(p.get(0));
    for (int i = 1; i < p.size(); i++) {
      s.append('/').append(i % 2 == 1 ? "*" : p.get(i));
    }
    return s.toString();
  }

  private interface TicketAction {
    Reply apply(ObjectNode ticket) throws IOException;
  }

  private Reply withTicket(String id, TicketAction action) throws IOException {
    ObjectNode t = tickets.get(id);
    return t == null ? error(404, "not_found", "No ticket " + id) : action.apply(t);
  }

  private Reply createTicket(JsonNode body) {
    String email = body.path("requester").path("email").asText("");
    if (body.path("subject").asText("").isBlank() || email.isBlank()) {
      return new Reply(422, JSON.createObjectNode().set("errors", JSON.createArrayNode().add(
          JSON.createObjectNode().put("status", "422").put("title", "Invalid ticket")
              .put("detail", "subject and requester.email are required"))));
    }
    return new Reply(201, create((ObjectNode) body));
  }

  private ObjectNode create(ObjectNode body) {
    String email = body.path("requester").path("email").asText();
    String contact = contactsByEmail.computeIfAbsent(
        email, e -> "C-" + (contactsByEmail.size() + 1));
    ObjectNode t = JSON.createObjectNode().put("id", "T-" + nextTicket++);
    t.setAll(body);
    t.put("status", "open").put("contact_id", contact);
    tickets.put(t.get("id").asText(), t);
    return t;
  }

  private Reply update(ObjectNode ticket, JsonNode changes) {
    changes.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) {
        ticket.remove(e.getKey()); // an explicit null clears the field
      } else if (!e.getKey().equals("id")) {
        ticket.set(e.getKey(), e.getValue());
      }
    });
    return new Reply(200, ticket);
  }

  private Reply addNote(ObjectNode ticket, JsonNode body) {
    ObjectNode note = JSON.createObjectNode().put("id", "N-" + nextNote++)
        .put("ticket_id", ticket.get("id").asText());
    note.set("body", body.path("body"));
    ticket.withArray("notes").add(note.get("id"));
    return new Reply(201, note);
  }

  private Reply listTickets(Map<String, String> query) {
    int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "25"));
    String status = query.get("status");
    ArrayNode data = JSON.createArrayNode();
    for (ObjectNode t : tickets.values()) {
      if (data.size() < pageSize && (status == null || status.equals(t.path("status").asText()))) {
        data.addObject().put("id", t.get("id").asText()).put("subject", t.get("subject").asText())
            .put("status", t.get("status").asText());
      }
    }
    ObjectNode out = JSON.createObjectNode();
    out.set("data", data);
    return new Reply(200, out.put("pageSize", pageSize));
  }

  private Reply newestTickets(String contact, Map<String, String> query) {
    if (!contactsByEmail.containsValue(contact)) {
      return error(404, "not_found", "No contact " + contact);
    }
    int limit = Integer.parseInt(query.getOrDefault("limit", "25"));
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode t : tickets.values()) {
      if (t.path("contact_id").asText().equals(contact)) {
        found.add(0, t); // newest first
      }
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode data = out.putArray("data");
    found.stream().limit(limit).forEach(data::add);
    return new Reply(200, out);
  }

  private static Reply error(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    return new Reply(status, body);
  }

  private static JsonNode body(byte[] in) throws IOException {
    JsonNode node = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
    if (!node.isObject()) {
      throw new IOException("not a JSON object");
    }
    return node;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        out.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
