package ai.phinite.tools.cli.reliability;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import ai.phinite.tools.cli.Main;
import ai.phinite.tools.runtime.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Secrets never appear on the command line's standard output or error: {@code call} (success,
 * dry run, invalid arguments, 401, 404, 500, no server, timeout), bad connection files of every
 * kind, {@code test-connection} passing and failing (text and JSON), {@code describe}, {@code list}
 * and {@code export} in the four formats. Exit codes are checked too.
 */
class CliSecretLeakTest extends ReliabilityBase {
  @TempDir Path dir;

  private final Leaks leaks = new Leaks(secretForms());

  @BeforeAll
  static void failureRoutes() {
    stubFailureRoutes();
  }

  /**
   * Calls the tools do not retry, so that their failures are quick (the CLI retries idempotent
   * calls with real waits; the retried paths are covered in {@link SecretLeakTest}).
   */
  static final List<Call> POSTS = List.of(
      new Call("kustomer", "create_note",
          "{\"customer_id\": \"c-1\", \"body\": \"hi\", \"conversation_id\": \"v-1\"}"),
      new Call("customerio", "track_event", "{\"identifier\": \"p-1\", \"name\": \"e\"}"),
      new Call("helpdesk", "upload_attachment", "{\"file_name\": \"a.txt\", \"content\": \"x\"}"));

  @Test
  void callsShowNoSecretOnAnyPath() throws IOException {
    for (Call call : CALLS) {
      Path conn = connectionFile(call.tool());
      String args = call.args();
      expect(0, call(call, conn, "", "--args", args));
      expect(0, call(call, conn, "", "--args", args, "--dry-run"));
      expect(2, call(call, conn, "", "--args", "{\"unexpected\": 1}"));
      expect(2, call(call, conn, "", "--args", "{not json " + call.args()));
      expect(1, call(call, conn, "/s401", "--args", args));
      expect(1, call(call, conn, "/s404", "--args", args));
    }
    for (Call call : POSTS) {
      Path conn = connectionFile(call.tool());
      expect(1, call(call, conn, "/s500", "--args", call.args()));
      List<String> closed = new ArrayList<>(List.of("call", call.tool(), call.subtool(),
          "--connection", conn.toString(), "--args", call.args()));
      servers(call.tool(), "http://127.0.0.1:" + closedPort()).forEach(closed::add);
      expect(1, run(closed.toArray(String[]::new)));
    }
    Call post = POSTS.get(2);
    expect(1, call(post, connectionFile(post.tool()), "/slow", "--args", post.args(),
        "--timeout", "1"));
    leaks.assertNone();
  }

  @Test
  void badConnectionFilesAreNeverQuoted() throws IOException {
    for (String tool : TOOLS) {
      Map<String, String> good = credentials(tool);
      String key = tool(tool).descriptor().credentials().stream()
          .filter(c -> c.secret() && !c.key().equals("track_api_key")) // one sent as a header
          .reduce((a, b) -> b).orElseThrow().key();
      String secret = good.get(key);
      List<String> files = new ArrayList<>();
      for (String bad : List.of(secret + "\nX-Injected: 1", secret + "\r", secret + "é",
          "\u0000" + secret, secret + "\u2028")) {
        Map<String, String> values = new LinkedHashMap<>(good);
        values.put(key, bad);
        files.add(Json.MAPPER.valueToTree(values).toString());
      }
      String secretJson = "\"" + secret + "\"";
      files.add("{\"" + key + "_typo\": " + secretJson + "}");
      files.add("{\"" + key + "\": [" + secretJson + "]}");
      files.add("{\"" + key + "\": " + secretJson + ",}");
      files.add("{\"" + key + "\": " + secretJson + " " + secretJson + "}");
      files.add("{\"" + key + "\": " + secretJson + ", \"" + key + "\": " + secretJson + "}");
      files.add("{\"" + key + "\": " + secretJson);
      files.add("{\"" + key + "\": \"" + secret);
      files.add("[" + secretJson + "]");
      files.add(secretJson);
      files.add("{\"" + key + "\": " + secretJson + "} trailing " + secret);
      for (String text : files) {
        Path conn = connectionFile(tool, text);
        Call call = CALLS.stream().filter(c -> c.tool().equals(tool)).findFirst().orElseThrow();
        Run r = call(call, conn, "", "--args", call.args());
        assertWithMessage("%s\n%s", text, r).that(r.exit()).isEqualTo(2);
        expect(r.exit(), run("test-connection", tool, "--connection", conn.toString()));
      }
      Path conn = connectionFile(tool);
      expect(2, run("call", tool, "who_am_i", "--connection", conn.toString(),
          "--server", "api=file:///etc/passwd"));
    }
    leaks.assertNone();
  }

  @Test
  void testConnectionDescribeListAndExportShowNoSecret() throws IOException {
    for (String tool : TOOLS) {
      Path conn = connectionFile(tool);
      for (String json : new String[] {"--json", "--timeout=30"}) {
        expect(0, testConnection(tool, conn, wm.baseUrl(), json));
        expect(1, testConnection(tool, conn, wm.baseUrl() + "/s401", json));
      }
      if (tool.equals("kustomer")) { // one check, retried: about a second
        expect(1, testConnection(tool, conn, "http://127.0.0.1:" + closedPort(), "--json"));
      }
      expect(0, run("describe", tool));
    }
    expect(0, run("list"));
    for (String format : List.of("graph-studio", "mcp", "openai", "anthropic")) {
      Path out = dir.resolve("export-" + format);
      expect(0, run("export", "--format", format, "--out", out.toString()));
      try (Stream<Path> written = Files.list(out)) {
        for (Path f : written.toList()) {
          leaks.add("export file " + f.getFileName(), Files.readString(f, UTF_8));
        }
      }
    }
    leaks.assertNone();
  }

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + cut(out, 2000) + "\n--- stderr\n" + cut(err, 2000);
    }
  }

  private void expect(int exit, Run r) {
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(exit);
  }

  private Run testConnection(String tool, Path conn, String base, String option) {
    List<String> args = new ArrayList<>(List.of("test-connection", tool, "--connection",
        conn.toString(), option));
    servers(tool, base).forEach(args::add);
    return run(args.toArray(String[]::new));
  }

  private Run call(Call call, Path conn, String route, String... more) {
    List<String> args = new ArrayList<>(List.of("call", call.tool(), call.subtool(),
        "--connection", conn.toString()));
    servers(call.tool(), wm.baseUrl() + route).forEach(args::add);
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** {@code --server ID=URL} for every server of the tool, at {@code base} + its prefix. */
  private static List<String> servers(String tool, String base) {
    List<String> args = new ArrayList<>();
    for (String server : tool(tool).descriptor().servers().keySet()) {
      args.add("--server");
      args.add(server + "=" + base + prefix(tool, server));
    }
    return args;
  }

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cmd = Main.commandLine(() -> CATALOG, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
    int exit = cmd.execute(args);
    cmd.getOut().flush();
    cmd.getErr().flush();
    Run r = new Run(exit, out.toString(UTF_8), err.toString(UTF_8));
    String where = String.join(" ", args).replace(dir.toString(), "");
    leaks.add(where + " stdout", r.out());
    leaks.add(where + " stderr", r.err());
    return r;
  }

  private Path connectionFile(String tool) throws IOException {
    return connectionFile(tool, Json.MAPPER.valueToTree(credentials(tool)).toString());
  }

  private Path connectionFile(String tool, String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, tool, ".json"), text, UTF_8);
  }
}
