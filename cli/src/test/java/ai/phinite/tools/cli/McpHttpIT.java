package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phinite-tools mcp --http} of the real jar, with two tenants, driven by the official Java
 * SDK client, the official TypeScript SDK client (installed from npm into {@code target/}) and
 * raw HTTP: each tenant lists and calls only its own tools with its own credentials, retries come
 * as progress, a cancelled call stops, a wrong or
 * missing token is 401, a foreign Origin 403, an unknown protocol version 400, and a session ended
 * with DELETE is gone (404).
 */
class McpHttpIT {
  private static final String TOKEN_A = "tenant-a-token-0123456789abcdef0123456789";
  private static final String TOKEN_B = "tenant-b-token-fedcba9876543210fedcba9876";
  private static final String SECRET_A = "kus-SECRET-tenant-a-11";
  private static final String SECRET_B = "kus-SECRET-tenant-b-22";
  private static final String TS_SDK = "@modelcontextprotocol/sdk@1.32.2";

  @TempDir static Path dir;
  private static HttpServer upstream;
  private static final ConcurrentLinkedQueue<String> seenAuth = new ConcurrentLinkedQueue<>();
  private static McpProcess mcp;
  private static String endpoint;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.setExecutor(Executors.newCachedThreadPool());
    upstream.createContext("/", exchange -> {
      seenAuth.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + exchange.getRequestHeaders().getFirst("Authorization"));
      String path = exchange.getRequestURI().getPath();
      // "flaky-" ids fail their first attempt with a 1 s Retry-After, then succeed
      boolean flaky = path.contains("/flaky-") && seenAuth.stream()
          .filter(s -> s.contains(path + " ")).count() == 1;
      boolean slow = path.contains("/slow-") || flaky;
      byte[] body = (slow ? "{\"errors\":[]}" : "{\"data\":{\"id\":\"c1\"}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (slow) {
        exchange.getResponseHeaders().add("Retry-After", flaky ? "1" : "5");
      }
      exchange.sendResponseHeaders(slow ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    upstream.start();
    McpProcess.write(dir, "a-kustomer.json", "{\"api_token\":\"" + SECRET_A + "\"}");
    Path tenants = McpProcess.write(dir, "tenants.json", "{\"tenants\":["
        + "{\"name\":\"a\",\"token\":\"" + TOKEN_A + "\",\"connections\":{\"kustomer\":"
        + "\"a-kustomer.json\"},\"subtools\":\"kustomer:get_customer\"},"
        + "{\"name\":\"b\",\"token_sha256\":\"" + java.util.HexFormat.of().formatHex(
            McpTenants.sha256(TOKEN_B)) + "\",\"connections\":{\"kustomer\":{\"api_token\":\""
        + SECRET_B + "\"}},\"subtools\":[\"kustomer:list_customers\",\"kustomer:get_customer_by_email\"]}]}");
    mcp = new McpProcess("--http", "127.0.0.1:0", "--tenants", tenants.toString(),
        "--allow-origin", "http://localhost:*",
        "--server", "kustomer.api=http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
    endpoint = mcp.awaitStderr(Pattern.compile("serving 2 tenants at (http://\\S+)"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (mcp != null) {
      mcp.close();
      for (String secret : List.of(SECRET_A, SECRET_B, TOKEN_A, TOKEN_B)) {
        assertThat(mcp.stderr()).doesNotContain(secret);
      }
    }
    upstream.stop(0);
  }

  private static McpSyncClient client(String token) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
        .builder(endpoint.substring(0, endpoint.length() - "/mcp".length()))
        .endpoint("/mcp")
        .jsonMapper(new JacksonMcpJsonMapper(Json.MAPPER))
        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
        .build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30)).build();
    client.initialize();
    return client;
  }

  private static List<String> names(McpSyncClient client) {
    List<String> names = new ArrayList<>();
    client.listTools().tools().forEach(t -> names.add(t.name()));
    return names;
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
      + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
      + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @Test
  void eachTenantListsAndCallsOnlyItsOwnToolsWithItsOwnCredentials() {
    McpSyncClient a = client(TOKEN_A);
    McpSyncClient b = client(TOKEN_B);
    try {
      assertThat(names(a)).containsExactly("get_customer");
      assertThat(names(b)).containsExactly("get_customer_by_email", "list_customers");
      assertThat(a.getServerInfo().title()).isEqualTo("Phinite predefined tools");
      assertThat(a.getServerInstructions()).startsWith("Calls the Kustomer API through 1 tool,");

      McpSchema.CallToolResult own = a.callTool(
          new McpSchema.CallToolRequest("get_customer", Map.of("customer_id", "c1")));
      assertWithMessage(text(own)).that(own.isError()).isFalse();
      assertThat(seenAuth).contains("GET /v1/customers/c1 Bearer " + SECRET_A);

      McpError foreign = assertThrows(McpError.class, () -> a.callTool(
          new McpSchema.CallToolRequest("list_customers", Map.of())));
      assertThat(foreign).hasMessageThat().isEqualTo("Invalid params: this server has no tool"
          + " named 'list_customers'; call tools/list for the tools it has");
      McpError foreignB = assertThrows(McpError.class, () -> b.callTool(
          new McpSchema.CallToolRequest("get_customer", Map.of("customer_id", "c1"))));
      assertThat(foreignB.getJsonRpcError().code()).isEqualTo(-32602);
      assertThat(seenAuth.stream().filter(s -> s.endsWith(SECRET_B)).count()).isEqualTo(0);

      McpSchema.CallToolResult listB = b.callTool(
          new McpSchema.CallToolRequest("list_customers", Map.of()));
      assertWithMessage(text(listB)).that(listB.isError()).isFalse();
      assertThat(seenAuth).contains("GET /v1/customers Bearer " + SECRET_B);
    } finally {
      a.closeGracefully();
      b.closeGracefully();
    }
  }

  @Test
  void aTenantCannotUseAnotherTenantsSession() throws Exception {
    HttpResponse<String> init = post(INITIALIZE, "Authorization", "Bearer " + TOKEN_A);
    assertThat(init.statusCode()).isEqualTo(200);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> asB = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
        "Authorization", "Bearer " + TOKEN_B, "Mcp-Session-Id", session,
        "MCP-Protocol-Version", "2025-06-18");
    assertThat(asB.statusCode()).isEqualTo(404);
    assertThat(asB.body()).doesNotContain("get_customer");
  }

  @Test
  void aMissingOrWrongTokenIs401() throws Exception {
    HttpResponse<String> none = post(INITIALIZE);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow())
        .isEqualTo("Bearer realm=\"phinite-tools\"");
    HttpResponse<String> wrong = post(INITIALIZE, "Authorization", "Bearer " + TOKEN_A + "x");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate").orElseThrow())
        .isEqualTo("Bearer realm=\"phinite-tools\", error=\"invalid_token\"");
    assertThat(Json.MAPPER.readTree(wrong.body()).path("error").path("message").asText())
        .isEqualTo("Unauthorized: the bearer token is not valid for this server");
    HttpResponse<String> basic = post(INITIALIZE, "Authorization", "Basic dXNlcjpwdw==");
    assertThat(basic.statusCode()).isEqualTo(401);
  }

  @Test
  void aForeignOriginIs403AndAnAllowedOneServed() throws Exception {
    HttpResponse<String> evil = post(INITIALIZE, "Authorization", "Bearer " + TOKEN_A,
        "Origin", "https://evil.example");
    assertThat(evil.statusCode()).isEqualTo(403);
    HttpResponse<String> local = post(INITIALIZE, "Authorization", "Bearer " + TOKEN_A,
        "Origin", "http://localhost:5173");
    assertThat(local.statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownProtocolVersionIs400() throws Exception {
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
        "Authorization", "Bearer " + TOKEN_A, "MCP-Protocol-Version", "1999-01-01");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(r.body()).path("error").path("message").asText())
        .startsWith("Bad Request: MCP-Protocol-Version '1999-01-01' is not supported");
  }

  @Test
  void malformedBodiesGetTheirJsonRpcErrors() throws Exception {
    HttpResponse<String> notJson = post("{not json", "Authorization", "Bearer " + TOKEN_A);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(notJson.body()).path("error").path("code").asInt())
        .isEqualTo(-32700);
    HttpResponse<String> batch = post("[]", "Authorization", "Bearer " + TOKEN_A);
    assertThat(batch.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(batch.body()).path("error").path("code").asInt())
        .isEqualTo(-32600);
    HttpResponse<String> stringArgs = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":"
        + "\"tools/call\",\"params\":{\"name\":\"get_customer\",\"arguments\":\"c1\"}}",
        "Authorization", "Bearer " + TOKEN_A);
    assertThat(stringArgs.statusCode()).isEqualTo(200);
    JsonNode result = Json.MAPPER.readTree(stringArgs.body());
    assertThat(result.path("id").asInt()).isEqualTo(7);
    assertThat(result.path("result").path("isError").asBoolean()).isTrue();
  }

  @Test
  void deleteEndsTheSession() throws Exception {
    HttpResponse<String> init = post(INITIALIZE, "Authorization", "Bearer " + TOKEN_A);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(endpoint))
        .timeout(Duration.ofSeconds(30)).DELETE()
        .header("Authorization", "Bearer " + TOKEN_A).header("Mcp-Session-Id", session)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(deleted.statusCode()).isEqualTo(200);
    HttpResponse<String> after = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}",
        "Authorization", "Bearer " + TOKEN_A, "Mcp-Session-Id", session);
    assertThat(after.statusCode()).isEqualTo(404);
  }

  @Test
  void cancellationOverHttpStopsTheUpstreamWork() throws Exception {
    HttpResponse<String> init = post(INITIALIZE, "Authorization", "Bearer " + TOKEN_A);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    String[] headers = {"Authorization", "Bearer " + TOKEN_A, "Mcp-Session-Id", session,
        "MCP-Protocol-Version", "2025-06-18"};
    assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", headers)
        .statusCode()).isEqualTo(202);
    HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(endpoint))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":"
            + "\"tools/call\",\"params\":{\"name\":\"get_customer\",\"arguments\":"
            + "{\"customer_id\":\"slow-1\"}}}"));
    for (int i = 0; i < headers.length; i += 2) {
      call.header(headers[i], headers[i + 1]);
    }
    var running = http.sendAsync(call.build(), HttpResponse.BodyHandlers.ofString());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (attempts("slow-1") == 0 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(attempts("slow-1")).isEqualTo(1);
    assertThat(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
        + "{\"requestId\":50}}", headers).statusCode()).isEqualTo(202);
    HttpResponse<String> answered = running.get(30, TimeUnit.SECONDS);
    // Without cancellation the call would go on for 3 more attempts, 5 s apart, before answering.
    assertThat(answered.body()).contains("get_customer was cancelled");
    assertThat(attempts("slow-1")).isEqualTo(1);
  }

  private static long attempts(String id) {
    return seenAuth.stream().filter(s -> s.contains("/customers/" + id + " ")).count();
  }

  @Test
  void theOfficialTypeScriptClientListsCallsAndEndsItsSession() throws Exception {
    Path npm = installTypeScriptSdk();
    JsonNode a = node(npm, endpoint, TOKEN_A, "get_customer", "{\"customer_id\":\"flaky-ts1\"}");
    assertWithMessage("%s", a).that(a.has("error")).isFalse();
    assertThat(a.path("progress").toString()).isEqualTo("[\"Attempt 1: GET get_customer to"
        + " 127.0.0.1\",\"Waiting 1.0 s as the server asked (Retry-After)\",\"Attempt 2: GET"
        + " get_customer to 127.0.0.1\"]");
    assertThat(a.path("server").path("name").asText()).isEqualTo("phinite-tools");
    assertThat(a.path("tools").toString()).isEqualTo("[\"get_customer\"]");
    assertThat(a.path("call").path("isError").asBoolean()).isFalse();
    assertThat(a.path("terminated").asBoolean()).isTrue();
    assertThat(seenAuth).contains("GET /v1/customers/flaky-ts1 Bearer " + SECRET_A);
    JsonNode b = node(npm, endpoint, TOKEN_B, "get_customer", "{\"customer_id\":\"ts2\"}");
    assertThat(b.path("tools").toString())
        .isEqualTo("[\"get_customer_by_email\",\"list_customers\"]");
    assertThat(b.path("error").asText()).contains("no tool named 'get_customer'");
    assertThat(seenAuth.stream().anyMatch(s -> s.contains("ts2"))).isFalse();
    JsonNode wrong = node(npm, endpoint, "not-a-token", null, null);
    assertThat(wrong.path("code").asInt()).isEqualTo(401);
    assertThat(wrong.path("error").asText())
        .contains("Unauthorized: the bearer token is not valid for this server");
  }

  /** Installs the TypeScript SDK into target/ once (npm, bounded to 5 minutes). */
  static Path installTypeScriptSdk() throws Exception {
    Path npm = Paths.get("target", "npm-mcp").toAbsolutePath();
    Files.createDirectories(npm);
    Files.copy(McpHttpIT.class.getResourceAsStream("/mcp-ts/client.mjs"),
        npm.resolve("client.mjs"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (!Files.exists(npm.resolve("node_modules/@modelcontextprotocol/sdk/package.json"))) {
      Files.writeString(npm.resolve("package.json"), "{\"private\":true,\"type\":\"module\"}");
      Path log = npm.resolve("install.log");
      Process install = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund",
          "--prefix", npm.toString(), TS_SDK).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      boolean done = install.waitFor(5, TimeUnit.MINUTES);
      if (!done) {
        install.destroyForcibly();
      }
      assertWithMessage("npm install did not finish within 5 minutes").that(done).isTrue();
      assertWithMessage("npm install %s failed:\n%s", TS_SDK, Files.readString(log))
          .that(install.exitValue()).isEqualTo(0);
    }
    return npm;
  }

  private static JsonNode node(Path npm, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", npm.resolve("client.mjs").toString()));
    for (String a : args) {
      if (a != null) {
        command.add(a);
      }
    }
    Path stdout = Files.createTempFile(npm, "node", ".out");
    Path stderr = Files.createTempFile(npm, "node", ".err");
    Process p = new ProcessBuilder(command).directory(npm.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = Files.readString(stdout);
    String err = Files.readString(stderr);
    assertWithMessage("node did not finish within 60 s; stderr: %s", err).that(done).isTrue();
    assertWithMessage("node printed nothing; stderr: %s", err).that(out.isBlank()).isFalse();
    return Json.MAPPER.readTree(out.strip().lines().reduce((x, y) -> y).orElseThrow());
  }
}
