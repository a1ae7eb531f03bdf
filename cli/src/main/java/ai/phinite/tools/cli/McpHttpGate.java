package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The front of {@code mcp --http}: every request to {@code /mcp} passes here first, in this order.
 * <ol>
 *   <li>Origin (and, on loopback, Host) is checked with the SDK's validator: 403 (421).</li>
 *   <li>{@code Authorization: Bearer TOKEN} must name a tenant: else 401 with
 *       {@code WWW-Authenticate: Bearer}.</li>
 *   <li>{@code MCP-Protocol-Version}, when given, must be one this server speaks: else 400.</li>
 *   <li>A POST body is read up to the limit (413), decoded as UTF-8 and checked by the
 *       {@link JsonRpcGate}: a malformed message is answered here (400 with the JSON-RPC error; a
 *       tool error for wrong-typed arguments), {@code notifications/cancelled} cancels the call it
 *       names on that tenant and session (202).</li>
 *   <li>Everything else goes to the tenant's own SDK transport, which owns its sessions
 *       ({@code Mcp-Session-Id}, DELETE ends one, an unknown one is 404).</li>
 * </ol>
 */
final class McpHttpGate extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String BEARER = "bearer ";

  /**
   * Where a tenant's requests go.
   *
   * @param transport the tenant's SDK transport (a servlet)
   * @param calls the tenant's running calls, for cancellation
   * @param tools the names of the tenant's tools
   */
  record Route(HttpServletStreamableServerTransportProvider transport, McpCallRegistry calls,
      Set<String> tools) {}

  private final transient McpTenants tenants;
  private final transient Map<McpTenants.Tenant, Route> routes;
  private final transient ServerTransportSecurityValidator security;
  private final int maxBodyBytes;

  McpHttpGate(McpTenants tenants, Map<McpTenants.Tenant, Route> routes,
      ServerTransportSecurityValidator security, int maxBodyBytes) {
    this.tenants = tenants;
    this.routes = routes;
    this.security = security;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    for (Route route : routes.values()) {
      route.transport().init(config);
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    try {
      security.validateHeaders(headers(request));
    } catch (ServerTransportSecurityException e) {
      reply(response, e.getStatusCode(), JsonRpcGate.error(null, JsonRpcGate.INVALID_REQUEST,
          e.getStatusCode() == 403
              ? "Forbidden: this Origin may not call the server (see --allow-origin)"
              : "Misdirected: the Host header does not name this server"));
      return;
    }
    McpTenants.Tenant tenant = authenticate(request);
    if (tenant == null) {
      boolean given = request.getHeader("Authorization") != null;
      response.setHeader("WWW-Authenticate", "Bearer realm=\"phinite-tools\""
          + (given ? ", error=\"invalid_token\"" : ""));
      reply(response, 401, JsonRpcGate.error(null, JsonRpcGate.INVALID_REQUEST, given
          ? "Unauthorized: the bearer token is not valid for this server"
          : "Unauthorized: send Authorization: Bearer <token>"));
      return;
    }
    String version = request.getHeader("MCP-Protocol-Version");
    if (version != null && !McpHttpServer.PROTOCOL_VERSIONS.contains(version)) {
      reply(response, 400, JsonRpcGate.error(null, JsonRpcGate.INVALID_REQUEST, "Bad Request:"
          + " MCP-Protocol-Version " + printable(version) + " is not supported; this server"
          + " speaks " + String.join(", ", McpHttpServer.PROTOCOL_VERSIONS)));
      return;
    }
    Route route = routes.get(tenant);
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("DELETE")) {
      route.transport().service(request, response);
      return;
    }
    if (!method.equals("POST")) {
      response.setHeader("Allow", "GET, POST, DELETE");
      reply(response, 405, JsonRpcGate.error(null, JsonRpcGate.INVALID_REQUEST,
          "Method Not Allowed: use POST to send, GET to listen, DELETE to end a session"));
      return;
    }
    post(request, response, route);
  }

  private void post(HttpServletRequest request, HttpServletResponse response, Route route)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      reply(response, 413, JsonRpcGate.error(null, JsonRpcGate.INVALID_REQUEST, "Payload Too"
          + " Large: a message may be at most " + maxBodyBytes + " bytes"));
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      reply(response, 413, JsonRpcGate.error(null, JsonRpcGate.INVALID_REQUEST, "Payload Too"
          + " Large: a message may be at most " + maxBodyBytes + " bytes"));
      return;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      reply(response, 400, JsonRpcGate.error(null, JsonRpcGate.PARSE_ERROR,
          "Parse error: the message is not UTF-8 text"));
      return;
    }
    JsonRpcGate.Verdict verdict = JsonRpcGate.check(text, route.tools());
    if (verdict instanceof JsonRpcGate.Reply reply) {
      boolean error = reply.response().has("error");
      reply(response, error && reply.response().path("id").isNull() ? 400 : 200,
          reply.response());
      return;
    }
    if (verdict instanceof JsonRpcGate.Drop) {
      response.setStatus(202);
      return;
    }
    JsonRpcGate.Forward message = (JsonRpcGate.Forward) verdict;
    String cancelled = message.cancelledRequest();
    if (cancelled != null) {
      route.calls().cancel(request.getHeader("Mcp-Session-Id"), cancelled);
      response.setStatus(202);
      return;
    }
    if (message.isRequest()) {
      request.setAttribute(McpCallRegistry.REQUEST_ID, message.id());
    }
    byte[] checked = message.message().toString().getBytes(StandardCharsets.UTF_8);
    route.transport().service(new Body(request, checked), response);
  }

  private McpTenants.Tenant authenticate(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() <= BEARER.length()
        || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return null;
    }
    return tenants.byToken(header.substring(BEARER.length()).strip());
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }

  private static void reply(HttpServletResponse response, int status, ObjectNode body)
      throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** A header value as it may be shown: printable ASCII, at most 40 characters. */
  private static String printable(String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return "'" + shown.replaceAll("[^\\x20-\\x7e]", "?") + "'";
  }

  /** The request with its body replaced by the checked message. */
  private static final class Body extends HttpServletRequestWrapper {
    private final byte[] bytes;

    Body(HttpServletRequest request, byte[] bytes) {
      super(request);
      this.bytes = bytes;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(bytes);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the checked body is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
          StandardCharsets.UTF_8));
    }

    @Override
    public String getCharacterEncoding() {
      return "UTF-8";
    }

    @Override
    public int getContentLength() {
      return bytes.length;
    }

    @Override
    public long getContentLengthLong() {
      return bytes.length;
    }
  }
}
