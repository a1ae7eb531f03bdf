package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.internal.Json;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import jakarta.servlet.http.HttpServlet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code mcp --http}: MCP over Streamable HTTP (spec 2025-06-18 / 2025-11-25) at
 * {@code http://HOST:PORT/mcp}, on the SDK's servlet transport in an embedded Jetty 12.
 *
 * <p>Each tenant has its own MCP server and transport: its own tools, connections and sessions.
 * The {@link McpHttpGate} in front authenticates the bearer token, picks the tenant's transport and
 * checks every message, so a tenant can neither list, call nor reach the sessions of another
 * (an unknown session id is a 404). When bound to a loopback address the Host header must name
 * loopback too (DNS rebinding); a browser Origin must be one of {@code --allow-origin}, else 403.
 */
final class McpHttpServer implements AutoCloseable {
  /** The path of the MCP endpoint. */
  static final String ENDPOINT = "/mcp";
  /** The protocol versions a client may name in {@code MCP-Protocol-Version}. */
  static final List<String> PROTOCOL_VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05,
      ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18,
      ProtocolVersions.MCP_2025_11_25);

  private final Server jetty;
  private final List<McpAsyncServer> servers;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private McpHttpServer(Server jetty, List<McpAsyncServer> servers) {
    this.jetty = jetty;
    this.servers = servers;
  }

  /**
   * Parses {@code HOST:PORT} ({@code [::1]:8080} for IPv6).
   *
   * @throws CliException when it is not a host and a port
   */
  static InetSocketAddress address(String hostPort) {
    URI uri;
    try {
      uri = URI.create("http://" + hostPort);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65535
        || uri.getRawPath().length() > 0 || uri.getRawUserInfo() != null) {
      throw CliException.invalidInput("--http", "--http takes HOST:PORT, e.g. 127.0.0.1:8080,"
          + " 0.0.0.0:8080 or [::1]:8080 (port 0 picks a free port)");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(uri.getHost()), uri.getPort());
    } catch (UnknownHostException e) {
      throw CliException.invalidInput("--http", "--http names the host '" + uri.getHost()
          + "', which this machine cannot resolve; give an address such as 127.0.0.1");
    }
  }

  /**
   * Starts serving.
   *
   * @param connections each tenant's open connections, by tenant name
   * @param allowedOrigins the browser origins allowed ({@code http://localhost:*} for any port)
   * @param deadline the most time one {@code tools/call} may take
   */
  static McpHttpServer start(InetSocketAddress address, McpTenants tenants,
      Map<String, List<Connection>> connections, List<String> allowedOrigins, Duration deadline)
      throws Exception {
    DefaultServerTransportSecurityValidator.Builder security =
        DefaultServerTransportSecurityValidator.builder().allowedOrigins(allowedOrigins);
    if (address.getAddress().isLoopbackAddress()) {
      security.allowedHosts(List.of("localhost:*", "127.0.0.1:*", "[::1]:*"));
    }
    DefaultServerTransportSecurityValidator validator = security.build();
    JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(Json.MAPPER);
    Map<McpTenants.Tenant, McpHttpGate.Route> routes = new LinkedHashMap<>();
    List<McpAsyncServer> servers = new ArrayList<>();
    for (McpTenants.Tenant tenant : tenants.all()) {
      HttpServletStreamableServerTransportProvider transport =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(mapper)
              .mcpEndpoint(ENDPOINT)
              .securityValidator(validator)
              .maxRequestSize(McpToolServer.MAX_MESSAGE_BYTES)
              .contextExtractor(request -> {
                Map<String, Object> context = new HashMap<>();
                Object id = request.getAttribute(McpCallRegistry.REQUEST_ID);
                if (id != null) {
                  context.put(McpCallRegistry.REQUEST_ID, id);
                }
                return McpTransportContext.create(context);
              })
              .build();
      McpCallRegistry calls = new McpCallRegistry();
      servers.add(McpToolServer.start(transport, connections.get(tenant.name()), deadline, calls));
      routes.put(tenant, new McpHttpGate.Route(transport, calls,
          McpToolServer.toolNames(connections.get(tenant.name()))));
    }
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    HttpServlet gate = new McpHttpGate(tenants, routes, validator, McpToolServer.MAX_MESSAGE_BYTES);
    ServletHolder holder = new ServletHolder("mcp", gate);
    holder.setAsyncSupported(true);
    context.addServlet(holder, ENDPOINT);
    jetty.setHandler(context);
    jetty.setStopTimeout(deadline.toMillis());
    jetty.start();
    McpHttpServer server = new McpHttpServer(jetty, servers);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mcp-http-shutdown"));
    return server;
  }

  /** The endpoint's URL, with the port actually bound. */
  String endpoint() {
    ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
    String host = connector.getHost();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + connector.getLocalPort() + ENDPOINT;
  }

  /** The port actually bound. */
  int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** Blocks until the server is closed (by {@link #close()} or the process's shutdown). */
  void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  /** Stops accepting, lets calls in flight end (at most their deadline) and closes the servers. */
  @Override
  public void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    try {
      for (McpAsyncServer s : servers) {
        s.closeGracefully().block(Duration.ofSeconds(5));
      }
      jetty.stop();
    } catch (Exception e) {
      // Stopping anyway; nothing more can be done.
    } finally {
      stopped.countDown();
    }
  }
}
