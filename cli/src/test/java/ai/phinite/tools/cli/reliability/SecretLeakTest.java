package ai.phinite.tools.cli.reliability;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.cli.McpCalls;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ConnectionTestReport;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.export.ExportFormat;
import ai.phinite.tools.runtime.export.ToolExport;
import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.internal.Encoding;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.RateLimit;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets never appear: with known values in every secret credential of the three tools, every
 * descriptor, export, dry run, {@code toString()}, exception (message, {@code toJson()}, stack
 * trace) and MCP tool result the runtime produces on success and on every error path reachable
 * here is searched for each secret and its Base64 forms (the Basic authentication value too).
 */
class SecretLeakTest extends ReliabilityBase {
  private final Leaks leaks = new Leaks(secretForms());

  @BeforeAll
  static void failureRoutes() {
    stubFailureRoutes();
  }

  @Test
  void descriptorsExportsToStringsAndDryRunsShowNoSecret() {
    for (String id : TOOLS) {
      ToolDescriptor d = tool(id).descriptor();
      leaks.add(id + " descriptor", d.json());
      leaks.add(id + " descriptor toString", d);
      for (ExportFormat f : ExportFormat.values()) {
        for (boolean prefix : new boolean[] {false, true}) {
          leaks.add(id + " export " + f.id(), ToolExport.export(d, f, SubtoolSelection.all(), prefix));
        }
      }
      try (Connection c = connect(id)) {
        leaks.add(id + " connection toString", c);
        ArgGenerator gen = new ArgGenerator(new Random(id.hashCode()));
        for (SubtoolSpec s : d.subtools().values()) {
          SubtoolCase sc = SubtoolCase.of(id, s);
          PreparedRequest dry = c.dryRun(s.name(), gen.record(sc.schema(), 0));
          leaks.add(sc + " dry run toJson", dry.toJson());
          leaks.add(sc + " dry run toString", dry);
          leaks.add(sc + " dry run headers", dry.headers());
          PreparedRequest.Header auth = dry.headers().stream().filter(PreparedRequest.Header::secret)
              .findFirst().orElseThrow();
          assertThat(auth.shown()).isEqualTo(PreparedRequest.MASK);
        }
      }
    }
    for (Call call : CALLS) {
      try (Connection c = connect(call.tool())) {
        Response r = c.invoke(call.subtool(), call.json());
        leaks.add(call + " response", r);
        leaks.add(call + " MCP result", mcp(c, call.subtool(), call.json()));
      }
    }
    leaks.assertNone();
  }

  @Test
  void everyErrorPathShowsNoSecret() {
    String base = wm.baseUrl();
    for (Call call : CALLS) {
      for (int status : STATUSES) {
        fail(call, "HTTP " + status, b -> builder(call.tool(), base + "/s" + status));
      }
      fail(call, "HTTP 503 retried", b -> builder(call.tool(), base + "/s503").maxRetries(2));
      fail(call, "closed port", b -> builder(call.tool(), "http://127.0.0.1:" + closedPort()));
      fail(call, "timeout",
          b -> builder(call.tool(), base + "/slow").deadline(Duration.ofMillis(200)));
      fail(call, "response too large", b -> b.maxResponseBytes(1));
      fail(call, "lookup finds nothing", b -> builder(call.tool(), base + "/empty"));
      try (Connection c = connect(call.tool())) {
        leaks.expectFailure(call + " invalid arguments",
            () -> c.invoke(call.subtool(), Json.parse("{\"unexpected\": 1, \"page\": -1}")));
        leaks.expectFailure(call + " unknown subtool", () -> c.invoke("no_such_subtool", null));
        leaks.add(call + " MCP invalid", mcp(c, call.subtool(), Json.parse("{\"x\": []}")));
        leaks.add(call + " MCP unknown", mcp(c, "no_such_subtool", Json.parse("{}")));
      }
      try (Connection c = builder(call.tool(), base + "/slow").build()) {
        leaks.expectFailure(call + " per-call timeout", () -> c.invoke(call.subtool(), call.json(),
            CallOptions.builder().attemptTimeout(Duration.ofMillis(200)).maxRetries(0).build()));
      }
      try (Connection c = builder(call.tool(), base).subtools(SubtoolSelection.parse(
          call.tool() + ":who_am_i")).build()) {
        leaks.expectFailure(call + " disabled subtool", () -> c.invoke(call.subtool(), call.json()));
      }
      rateLimited(call);
    }
    for (String id : TOOLS) {
      for (String route : new String[] {"", "/s401", "/s500", "/slow"}) {
        try (Connection c = builder(id, base + route).deadline(Duration.ofMillis(300)).build()) {
          ConnectionTestReport report = c.test();
          leaks.add(id + " test()" + route, report);
          leaks.add(id + " test() json" + route, report.toJson());
        }
      }
    }
    assertThat(leaks.size()).isGreaterThan(500);
    leaks.assertNone();
  }

  /** Fails a call on a connection built by {@code how}; records the exception and MCP result. */
  private void fail(Call call, String what, UnaryOperator<Connection.Builder> how) {
    try (Connection c = how.apply(builder(call.tool(), wm.baseUrl())).build()) {
      leaks.expectFailure(call + " " + what, () -> c.invoke(call.subtool(), call.json()));
      leaks.add(call + " " + what + " MCP", mcp(c, call.subtool(), call.json()));
    }
  }

  private void rateLimited(Call call) {
    // a runtime of its own: the limit's state is kept per connection identity in the runtime
    ai.phinite.tools.runtime.ToolRuntime own = ai.phinite.tools.runtime.ToolRuntime.builder().build();
    Connection.Builder b = builder(call.tool(), wm.baseUrl()).runtime(own)
        .maxRetryWait(Duration.ZERO);
    tool(call.tool()).descriptor().servers().keySet()
        .forEach(s -> b.rateLimit(s, new RateLimit(1, Duration.ofHours(1))));
    try (Connection c = b.build()) {
      leaks.expectFailure(call + " rate limited", () -> {
        c.invoke(call.subtool(), call.json());
        c.invoke(call.subtool(), call.json());
      });
    } finally {
      own.close();
    }
  }

  @Test
  void invalidSecretValuesAreNeverQuoted() {
    for (String id : TOOLS) {
      for (ToolDescriptor.CredentialSpec cred : tool(id).descriptor().credentials()) {
        if (!cred.secret()) {
          continue;
        }
        String secret = credentials(id).get(cred.key());
        for (String bad : List.of(secret + "\nX-Injected: 1", secret + "\r", "\u0000" + secret,
            secret + "\u2028", secret + "é", secret + "\u00a0", "Bearer " + secret + "\t\u0085")) {
          Map<String, String> values = new LinkedHashMap<>(credentials(id));
          values.put(cred.key(), bad);
          String where = id + " " + cred.key() + "=" + Json.MAPPER.valueToTree(bad);
          try (Connection c = tool(id).connection().credentials(values).build()) {
            leaks.add(where + " accepted", c);
            assertThat(Encoding.isSafeHeaderValue(bad) || !sentAsIs(id, cred.key())).isTrue();
          } catch (InvalidInputException e) {
            leaks.add(where, e);
            assertThat(e.kind()).isEqualTo("invalid_connection");
          }
        }
        Map<String, String> typo = new LinkedHashMap<>(credentials(id));
        typo.put(cred.key() + "_typo", secret);
        leaks.expectFailure(id + " " + cred.key() + " under an unknown key",
            () -> tool(id).connection().credentials(typo).build());
        Map<String, String> missing = new LinkedHashMap<>(credentials(id));
        missing.remove(cred.key());
        leaks.expectFailure(id + " without " + cred.key(),
            () -> tool(id).connection().credentials(missing).build());
      }
      leaks.expectFailure(id + " bad server URL", () -> tool(id).connection()
          .credentials(credentials(id)).baseUrl("nope", "file:///etc/passwd").build());
    }
    leaks.assertNone();
  }

  /** Whether the credential is sent as a header value as is (bearer token, API-key header). */
  private static boolean sentAsIs(String id, String key) {
    return tool(id).descriptor().servers().values().stream().anyMatch(s ->
        !s.auth().type().equals("basic") && key.equals(s.auth().credential()));
  }

  /**
   * A server that quotes the credential back in its error (some APIs do: "invalid key sk-...")
   * must not make the runtime repeat it in its error, its JSON or the MCP result.
   */
  @Test
  void aServerQuotingTheCredentialBackIsNotRepeated() {
    for (Call call : CALLS) {
      fail(call, "echo", b -> builder(call.tool(), wm.baseUrl() + "/echo"));
    }
    leaks.assertNone();
  }

  static String mcp(Connection c, String subtool, JsonNode args) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = Json.MAPPER.convertValue(args, Map.class);
    CallToolResult result = McpCalls.call(c, subtool, map);
    return result.toString();
  }
}
