package ai.phinite.tools.cli.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Shared set-up of the reliability tests: one WireMock server per test class that answers
 * {@code 200 {}} to everything (and a usable id to the lookups of the multi-step subtools), the
 * three tools on the test class path with known secret values, and connections whose servers all
 * point at WireMock under a path prefix of their own ({@code /<tool>-<server>}), with retries off,
 * a runtime that does not wait between attempts, and rate limits out of the way.
 */
abstract class ReliabilityBase {
  /** Waits are reported, not waited. */
  static final ai.phinite.tools.runtime.ToolRuntime RUNTIME =
      ai.phinite.tools.runtime.ToolRuntime.builder().skipWaits().build();

  static final List<String> TOOLS = List.of("kustomer", "customerio", "helpdesk");

  static final String KUSTOMER_TOKEN = "kus-SECRET-token-4e1f9b2a";
  static final String CIO_SITE_ID = "cio-site-7310";
  static final String CIO_TRACK_KEY = "cio-SECRET-track-8d3c55";
  static final String CIO_APP_KEY = "cio-SECRET-app-6b1e07";
  static final String HD_API_KEY = "hd-SECRET-api-2a9f41";
  static final String HD_FILES_KEY = "hd-SECRET-files-c07d88";

  /** The id WireMock gives to the lookup step of a multi-step subtool. */
  static final String LOOKUP_ID = "id-from-lookup";

  static final ToolCatalog CATALOG = ToolCatalog.load();

  /** The statuses {@link #stubFailureRoutes()} answers under {@code /sNNN}. */
  static final List<Integer> STATUSES = List.of(400, 401, 403, 404, 409, 422, 429, 500, 503);

  /** Calls that reach every server of every tool, and both multi-step subtools. */
  static final List<Call> CALLS = List.of(
      new Call("kustomer", "get_customer", "{\"customer_id\": \"c-1\"}"),
      new Call("kustomer", "create_note", "{\"customer_id\": \"c-1\", \"body\": \"hi\"}"),
      new Call("customerio", "identify_customer", "{\"identifier\": \"p-1\"}"),
      new Call("customerio", "get_segment", "{\"segment_id\": 7}"),
      new Call("helpdesk", "get_ticket", "{\"ticket_id\": \"t-1\"}"),
      new Call("helpdesk", "add_ticket_note", "{\"contact_id\": \"c-1\", \"text\": \"hi\"}"),
      new Call("helpdesk", "upload_attachment", "{\"file_name\": \"a.txt\", \"content\": \"x\"}"));

  /** A subtool call with its arguments as JSON text. */
  record Call(String tool, String subtool, String args) {
    JsonNode json() {
      return Json.parse(args);
    }

    @Override
    public String toString() {
      return tool + "/" + subtool;
    }
  }

  static WireMockServer wm;

  @BeforeAll
  static void startWireMock() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(24));
    wm.start();
    stubDefaults();
  }

  @AfterAll
  static void stopWireMock() {
    wm.stop();
  }

  /** {@code 200 {}} to everything; the two lookups answer with one item carrying an id. */
  static void stubDefaults() {
    wm.resetAll();
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(json(200, "{}")));
    String found = "{\"data\": [{\"id\": \"" + LOOKUP_ID + "\"}]}";
    wm.stubFor(get(urlPathMatching("/kustomer-api/customers/[^/]+/conversations"))
        .atPriority(1).willReturn(json(200, found)));
    wm.stubFor(get(urlPathMatching("/helpdesk-api/contacts/[^/]+/tickets"))
        .atPriority(1).willReturn(json(200, found)));
  }

  /**
   * Failure routes, chosen by the base URL's first segment: {@code /sNNN} answers NNN with an
   * error body, {@code /slow} answers after 1.2 s, {@code /empty} answers an empty list (so a
   * lookup finds nothing), and {@code /echo} answers 401 quoting the request's credentials back,
   * as some APIs do.
   */
  static void stubFailureRoutes() {
    for (int status : STATUSES) {
      wm.stubFor(any(urlPathMatching("/s" + status + "/.*")).atPriority(1).willReturn(
          json(status, "{\"errors\": [{\"title\": \"Failed\", \"detail\": \"status " + status
              + "\"}]}").withHeader("Retry-After", "1")));
    }
    wm.stubFor(any(urlPathMatching("/slow/.*")).atPriority(1)
        .willReturn(json(200, "{}").withFixedDelay(1200)));
    wm.stubFor(any(urlPathMatching("/empty/.*")).atPriority(1)
        .willReturn(json(200, "{\"data\": []}")));
    wm.stubFor(any(urlPathMatching("/echo/.*")).atPriority(1).willReturn(json(401,
        "{\"message\": \"invalid credentials: {{request.headers.Authorization}}"
            + "{{request.headers.X-Files-Key}}\"}").withTransformers("response-template")));
  }

  /** A local port nothing listens on. */
  static int closedPort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status,
      String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  /** How many requests WireMock has received since the last reset. */
  static int received() {
    return wm.getAllServeEvents().size();
  }

  /** The path prefix of a server of a tool on the test server. */
  static String prefix(String tool, String server) {
    return "/" + tool + "-" + server;
  }

  /** The credential values of a tool: every secret one set to a known value. */
  static Map<String, String> credentials(String tool) {
    Map<String, String> values = new LinkedHashMap<>();
    switch (tool) {
      case "kustomer" -> values.put("api_token", KUSTOMER_TOKEN);
      case "customerio" -> {
        values.put("site_id", CIO_SITE_ID);
        values.put("track_api_key", CIO_TRACK_KEY);
        values.put("app_api_key", CIO_APP_KEY);
      }
      case "helpdesk" -> {
        values.put("api_key", HD_API_KEY);
        values.put("files_key", HD_FILES_KEY);
      }
      default -> throw new IllegalArgumentException(tool);
    }
    return values;
  }

  /**
   * Every secret and the forms it may take on the wire: itself, its Base64, and the Basic
   * authentication value of Customer.io's Track API.
   */
  static Map<String, String> secretForms() {
    Map<String, String> forms = new LinkedHashMap<>();
    for (String s : List.of(KUSTOMER_TOKEN, CIO_TRACK_KEY, CIO_APP_KEY, HD_API_KEY, HD_FILES_KEY)) {
      forms.put(s, s);
      forms.put("base64(" + s + ")", base64(s));
    }
    forms.put("basic(site_id:track_api_key)", base64(CIO_SITE_ID + ":" + CIO_TRACK_KEY));
    return forms;
  }

  static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static ToolProvider<?> tool(String id) {
    return CATALOG.require(id);
  }

  /** A connection builder with every server of the tool at {@code baseUrl} + its prefix. */
  static Connection.Builder builder(String tool, String baseUrl) {
    ToolProvider<?> provider = tool(tool);
    Connection.Builder b = provider.connection()
        .credentials(credentials(tool))
        .maxRetries(0)
        .maxRetryWait(Duration.ofDays(1))
        .runtime(RUNTIME)
        .withoutDeclaredRateLimits() // limits count per identity in the shared runtime
        .deadline(Duration.ofSeconds(20));
    for (String server : provider.descriptor().servers().keySet()) {
      b.baseUrl(server, baseUrl + prefix(tool, server));
    }
    return b;
  }

  /** A connection to WireMock. */
  static Connection connect(String tool) {
    return builder(tool, wm.baseUrl()).build();
  }

  /** At most {@code max} characters of a text, for failure messages. */
  static String cut(String text, int max) {
    return text.length() <= max ? text
        : text.substring(0, max) + "... (" + text.length() + " characters)";
  }
}
