package ai.phinite.tools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP server of the real jar ({@code java -jar phinite-tools.jar mcp}) driven by the official
 * MCP Java SDK's client over stdio: it lists all 76 subtools of both tools exactly as
 * {@code export --format mcp} writes them, calls one against a local server, and answers bad
 * arguments with a tool error that says which argument is wrong. No secret is ever shown.
 */
class McpServerIT {
  private static final String KUSTOMER_TOKEN = "kus-SECRET-token-5d1e";
  private static final String TRACK_KEY = "trk-SECRET-key-77aa";
  private static final String APP_KEY = "app-SECRET-key-0c3f";

  @TempDir static Path dir;
  private static WireMockServer server;
  private static McpSyncClient client;
  private static final ConcurrentLinkedQueue<String> serverErr = new ConcurrentLinkedQueue<>();
  private static final List<String> seen = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    Path kustomer = dir.resolve("kustomer.json");
    Files.writeString(kustomer, "{\"api_token\":\"" + KUSTOMER_TOKEN + "\"}");
    Path customerio = dir.resolve("customerio.json");
    Files.writeString(customerio, "{\"site_id\":\"site-1\",\"track_api_key\":\"" + TRACK_KEY
        + "\",\"app_api_key\":\"" + APP_KEY + "\"}");
    String jar = System.getProperty("phinite.cli.jar");
    assertWithMessage("the shaded jar %s must be built before integration tests", jar)
        .that(Files.exists(Paths.get(jar))).isTrue();
    ServerParameters params = ServerParameters.builder(
            Paths.get(System.getProperty("java.home"), "bin", "java").toString())
        .args("-jar", jar, "mcp",
            "--connection", "kustomer=" + kustomer, "--connection", "customerio=" + customerio,
            "--server", "kustomer.api=" + server.baseUrl() + "/v1")
        .build();
    StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(Json.MAPPER));
    transport.setStdErrorHandler(serverErr::add);
    client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
        .initializationTimeout(Duration.ofSeconds(30)).build();
    McpSchema.InitializeResult init = client.initialize();
    assertThat(init.serverInfo().name()).isEqualTo("phinite-tools");
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.closeGracefully();
    }
    server.stop();
    for (String secret : List.of(KUSTOMER_TOKEN, TRACK_KEY, APP_KEY)) {
      for (String text : seen) {
        assertThat(text).doesNotContain(secret);
      }
      for (String line : serverErr) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  private static List<McpSchema.Tool> allTools() {
    List<McpSchema.Tool> tools = new ArrayList<>();
    McpSchema.ListToolsResult page = client.listTools();
    tools.addAll(page.tools());
    while (page.nextCursor() != null) {
      page = client.listTools(page.nextCursor());
      tools.addAll(page.tools());
    }
    return tools;
  }

  /** Arguments in a fixed order (Map.of has none), so problems come back in a known order. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static String text(McpSchema.CallToolResult result) {
    StringBuilder s = new StringBuilder();
    for (McpSchema.Content c : result.content()) {
      s.append(((McpSchema.TextContent) c).text());
    }
    seen.add(s.toString());
    return s.toString();
  }

  @Test
  void listsAllSeventySixSubtoolsWithTheirHints() {
    List<McpSchema.Tool> tools = allTools();
    assertThat(tools).hasSize(76);
    McpSchema.Tool delete = tools.stream()
        .filter(t -> t.name().equals("kustomer_delete_customer")).findFirst().orElseThrow();
    assertThat(delete.annotations().destructiveHint()).isTrue();
    assertThat(delete.annotations().readOnlyHint()).isFalse();
    McpSchema.Tool search = tools.stream()
        .filter(t -> t.name().equals("kustomer_search_customers")).findFirst().orElseThrow();
    assertThat(search.annotations().readOnlyHint()).isTrue();
  }

  @Test
  void toolsListAgreesWithExportFormatMcp() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
        "export", "--format", "mcp", "--out", dir.toString(), "kustomer", "customerio");
    assertThat(exit).isEqualTo(0);
    List<JsonNode> exported = new ArrayList<>();
    for (String tool : List.of("kustomer", "customerio")) {
      Json.MAPPER.readTree(dir.resolve(tool + ".mcp.json").toFile()).path("tools").forEach(exported::add);
    }
    List<McpSchema.Tool> listed = allTools();
    assertThat(listed).hasSize(exported.size());
    for (int i = 0; i < listed.size(); i++) {
      McpSchema.Tool t = listed.get(i);
      JsonNode e = exported.get(i);
      assertThat(t.name()).isEqualTo(e.path("name").asText());
      assertThat(t.title()).isEqualTo(e.path("title").asText());
      assertThat(t.description()).isEqualTo(e.path("description").asText());
      JsonNode schema = Json.MAPPER.valueToTree(t.inputSchema());
      assertThat(schema).isEqualTo(e.path("inputSchema"));
      if (e.has("outputSchema")) {
        assertThat((Object) Json.MAPPER.valueToTree(t.outputSchema())).isEqualTo(e.path("outputSchema"));
      } else {
        assertThat(t.outputSchema()).isNull();
      }
      JsonNode hints = e.path("annotations");
      assertThat(t.annotations().readOnlyHint()).isEqualTo(hints.path("readOnlyHint").asBoolean());
      assertThat(t.annotations().destructiveHint()).isEqualTo(hints.path("destructiveHint").asBoolean());
      assertThat(t.annotations().idempotentHint()).isEqualTo(hints.path("idempotentHint").asBoolean());
      assertThat(t.annotations().openWorldHint()).isEqualTo(hints.path("openWorldHint").asBoolean());
    }
  }

  @Test
  void callsASubtoolAgainstTheLocalServer() {
    server.stubFor(get(urlEqualTo("/v1/customers/c%2F1")).willReturn(okJson("{\"data\":{\"id\":\"c/1\"}}")));
    McpSchema.CallToolResult result = client.callTool(
        new McpSchema.CallToolRequest("kustomer_get_customer", Map.of("customer_id", "c/1")));
    String text = text(result);
    assertWithMessage(text).that(result.isError()).isFalse();
    assertThat(text).isEqualTo("{\"item\":{\"id\":\"c/1\"}}"); // compact, shaped
    assertThat(result.structuredContent()).isEqualTo(Map.of("item", Map.of("id", "c/1")));
    server.verify(getRequestedFor(urlEqualTo("/v1/customers/c%2F1"))
        .withHeader("Authorization", equalTo("Bearer " + KUSTOMER_TOKEN)));
  }

  /**
   * A Kustomer page of 100 customers (the fixture's customers, as the API documents them) arrives
   * compact, projected and within the budget, with structuredContent that the tool's
   * outputSchema accepts (checked by the SDK client and again by a JSON Schema validator).
   */
  @Test
  void aLargePageArrivesShapedWithStructuredContentMatchingItsOutputSchema() throws Exception {
    JsonNode fixture = Json.MAPPER.readTree(Paths.get("..", "tools-kustomer", "src", "test",
        "resources", "responses", "list_customers.json").toFile());
    com.fasterxml.jackson.databind.node.ArrayNode data =
        (com.fasterxml.jackson.databind.node.ArrayNode) fixture.path("data");
    List<JsonNode> three = new ArrayList<>();
    data.forEach(three::add);
    data.removeAll();
    for (int i = 0; i < 100; i++) {
      com.fasterxml.jackson.databind.node.ObjectNode c = three.get(i % 3).deepCopy();
      c.put("id", String.format("6501a2b3c4d5e6f7%08x", i));
      data.add(c);
    }
    String raw = fixture.toString();
    server.stubFor(get(urlEqualTo("/v1/customers?page=1&pageSize=100")).willReturn(okJson(raw)));
    McpSchema.Tool tool = allTools().stream()
        .filter(t -> t.name().equals("kustomer_list_customers")).findFirst().orElseThrow();
    assertThat(tool.outputSchema()).isNotNull();
    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
        "kustomer_list_customers", ordered("page", 1, "page_size", 100)));
    String text = text(result);
    assertWithMessage(text).that(result.isError()).isFalse();
    JsonNode structured = Json.MAPPER.valueToTree(result.structuredContent());
    assertThat(Json.MAPPER.readTree(text)).isEqualTo(structured);
    assertThat(text).doesNotContain("\n");
    assertThat(structured.path("items").size()).isEqualTo(100);
    assertThat(structured.path("next").toString()).isEqualTo("{\"page\":2,\"page_size\":100}");
    assertThat(structured.has("links")).isFalse();
    assertThat(text.length()).isLessThan(raw.length() / 5);
    com.networknt.schema.Schema schema = com.networknt.schema.SchemaRegistry
        .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
        .getSchema(Json.MAPPER.valueToTree(tool.outputSchema()));
    assertThat(schema.validate(structured)).isEmpty();
  }

  @Test
  void badArgumentsComeBackAsAToolErrorNamingTheArgument() {
    int before = server.getAllServeEvents().size();
    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
        "kustomer_list_customers", ordered("page", 0, "page_size", 500)));
    String text = text(result);
    assertThat(result.isError()).isTrue();
    assertThat(text).isEqualTo("The arguments are not valid; nothing was sent. Fix these and call"
        + " list_customers again:\n- /page: must be at least 1; got 0\n- /page_size: must be at"
        + " most 100; got 500");
    assertThat(server.getAllServeEvents()).hasSize(before);
  }

  @Test
  void aServerErrorComesBackAsAToolErrorWithTheServersMessage() {
    server.stubFor(get(urlEqualTo("/v1/customers/email=nobody%40example.com")).willReturn(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"errors\":[{\"status\":\"404\",\"title\":\"Not Found\",\"detail\":\"No customer with that email\"}]}")));
    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
        "kustomer_get_customer_by_email", Map.of("email", "nobody@example.com")));
    String text = text(result);
    assertThat(result.isError()).isTrue();
    assertThat(text).startsWith("get_customer_by_email failed: HTTP 404 Not Found: No customer with that email");
  }
}
