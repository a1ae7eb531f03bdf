package ai.phinite.tools.examples;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ConnectionTestReport;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Problem;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline demo: starts {@link DemoServer}, loads the tool catalog, connects to the example
 * {@code helpdesk} tool and calls its subtools from JSON arguments, as an agent would, printing a
 * short transcript of each call: the arguments, what went over the wire, and the result.
 *
 * <pre>{@code java -jar examples/target/phinite-demo.jar}</pre>
 */
public final class Demo {
  /** Demo credentials; secrets, so they never appear in the transcript. */
  static final String API_KEY = "demo-api-key-9f2c71";
  static final String FILES_KEY = "demo-files-key-0b8e44";

  private static final String INDENT = "    ";
  private static final int WIDTH = 100;

  private final PrintStream out;
  private final DemoServer server;
  private final Connection helpdesk;
  private int step;

  private Demo(PrintStream out, DemoServer server, Connection helpdesk) {
    this.out = out;
    this.server = server;
    this.helpdesk = helpdesk;
  }

  /** Runs the demo on standard output; exits with 1 if it could not complete. */
  public static void main(String[] args) {
    int code = run(System.out);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the whole demo, printing to {@code out}.
   *
   * @return 0 when every step ran as scripted, 1 otherwise
   */
  static int run(PrintStream out) {
    boolean ok;
    try (DemoServer server = DemoServer.start(API_KEY, FILES_KEY)) {
      out.println("Phinite tools demo, offline: a local help desk at " + server.url()
          + " plays the real API.");
      ToolCatalog catalog = ToolCatalog.load();
      out.println();
      out.println("Tools on the class path: " + String.join(", ", catalog.ids()));
      for (ToolProvider<?> tool : catalog.tools()) {
        ToolDescriptor d = tool.descriptor();
        out.println("  " + d.id() + ": " + d.name() + ", " + d.subtools().size() + " subtools");
        if (d.id().equals("helpdesk")) {
          List<String> names = new ArrayList<>();
          d.subtools().keySet().forEach(n -> names.add(n + ", "));
          names.set(names.size() - 1, names.get(names.size() - 1).replace(", ", ""));
          fill(out, INDENT, INDENT, names);
        }
      }
      try (Connection helpdesk = catalog.require("helpdesk").connection()
          .credential("api_key", API_KEY)
          .credential("files_key", FILES_KEY)
          .baseUrl("api", server.url() + "/v2")
          .baseUrl("files", server.url())
          .build()) {
        ok = new Demo(out, server, helpdesk).session();
      }
    } catch (IOException | ToolException e) {
      out.println("Demo failed: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      out.println("Demo failed: " + e);
      return 1;
    }
    out.println();
    out.println(ok ? "Done: every step behaved as expected; the local server is stopped."
        : "Done, but some step did not behave as expected (see above).");
    return ok ? 0 : 1;
  }

  /** The scripted session; true when every step behaved as expected. */
  private boolean session() {
    out.println();
    out.println("Connection: " + helpdesk);
    ConnectionTestReport report = helpdesk.test();
    out.println("Connection test: " + (report.passed() ? "passed" : "FAILED"));
    for (ConnectionTestReport.Check c : report.checks()) {
      out.println("  [" + (c.passed() ? "ok" : "failed") + "] " + c.label() + ": "
          + c.operation() + " -> " + (c.passed() ? "HTTP " + c.status() : c.message()));
    }
    server.takeLog();
    if (!report.passed()) {
      return false;
    }
    boolean ok = expect("ok", "create_ticket", "", "{\"subject\":\"Printer on fire\","
        + "\"requester_email\":\"ada@example.com\","
        + "\"additional_fields\":{\"channel\":\"chat\",\"due_at\":\"2030-01-31\"}}");
    ok &= expect("ok", "get_ticket", "", "{\"ticket_id\":\"T-1001\"}");
    ok &= expect("ok", "list_tickets", "", "{\"status\":\"open\",\"page_size\":10}");
    ok &= expect("ok", "update_ticket", "a null clears a field",
        "{\"ticket_id\":\"T-1001\",\"update_fields\":{\"priority\":4,\"due_at\":null}}");
    ok &= expect("ok", "close_ticket", "the body is constant", "{\"ticket_id\":\"T-1001\"}");
    ok &= expect("ok", "add_ticket_note", "no ticket_id: finds the contact's newest ticket first",
        "{\"contact_id\":\"C-2\",\"text\":\"Replacement printer ships today.\"}");
    ok &= dryRun("create_ticket", "{\"subject\":\"Paper jam\","
        + "\"requester_email\":\"ada@example.com\",\"idempotency_key\":\"demo-42\"}");
    ok &= expect("invalid_arguments", "create_ticket", "invalid arguments", "{\"subject\":\"\","
        + "\"requester_email\":\"ada(at)example.com\",\"priority\":9,\"urgent\":true}");
    ok &= expect("not_found", "get_ticket", "an unknown id", "{\"ticket_id\":\"T-9999\"}");
    return ok;
  }

  /** Calls a subtool; true when the outcome is {@code expected} ({@code ok} or a failure kind). */
  private boolean expect(String expected, String subtool, String note, String arguments) {
    return expected.equals(call(subtool, note, arguments));
  }

  /**
   * Calls a subtool and prints the call, the requests sent and the result.
   *
   * @return {@code "ok"}, or the kind of the failure, e.g. {@code not_found}
   */
  private String call(String subtool, String note, String arguments) {
    JsonNode args = parse(arguments);
    header(subtool, note, args);
    try {
      Response r = helpdesk.invoke(subtool, args);
      sent();
      print(INDENT + "got:  " + r.status() + " ", r.body());
      return "ok";
    } catch (InvalidInputException e) {
      sent();
      out.println(INDENT + "got:  " + e.kind() + ", " + e.problems().size() + " problems:");
      for (Problem p : e.problems()) {
        printText(INDENT + "      " + p.pointer() + ": ", INDENT + "        ", p.message());
      }
      return e.kind();
    } catch (ToolException e) {
      sent();
      out.println(INDENT + "got:  " + e.kind() + ": " + e.getMessage());
      return e.kind();
    }
  }

  private boolean dryRun(String subtool, String arguments) {
    JsonNode args = parse(arguments);
    header(subtool, "dry run", args);
    try {
      PreparedRequest r = helpdesk.dryRun(subtool, args);
      JsonNode json = r.toJson();
      out.println(INDENT + "would send: " + r.method() + " " + r.url());
      print(INDENT + "headers:    ", json.get("headers"));
      print(INDENT + "body:       ", json.get("body"));
      sent();
      return true;
    } catch (ToolException e) {
      out.println(INDENT + "got:  " + e.kind() + ": " + e.getMessage());
      return false;
    }
  }

  private void header(String subtool, String note, JsonNode args) {
    out.println();
    String label = "[" + ++step + "] " + subtool + " ";
    List<String> chunks = jsonChunks(String.valueOf(args));
    if (!note.isEmpty()) {
      chunks.add("   (" + note + ")");
    }
    fill(label, INDENT + "    ", chunks);
  }

  /** Prints compact JSON after a label, continuing long values on lines indented under it. */
  private void print(String label, JsonNode json) {
    fill(label, " ".repeat(label.length()), jsonChunks(String.valueOf(json)));
  }

  /** Prints words after a label, continuing on lines indented by {@code pad}. */
  private void printText(String label, String pad, String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.split("(?<= )")) {
      words.add(w);
    }
    fill(label, pad, words);
  }

  /** Splits JSON text after each comma between members or items (never inside a string). */
  private static List<String> jsonChunks(String text) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (c == ',' && !inString) {
        chunks.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    chunks.add(text.substring(start));
    return chunks;
  }

  private void fill(String label, String pad, List<String> chunks) {
    fill(out, label, pad, chunks);
  }

  /** Prints chunks greedily in lines of at most {@link #WIDTH} characters where possible. */
  private static void fill(PrintStream out, String label, String pad, List<String> chunks) {
    StringBuilder line = new StringBuilder(label);
    int empty = label.length();
    for (String chunk : chunks) {
      if (line.length() > empty && line.length() + chunk.length() > WIDTH) {
        out.println(line.toString().stripTrailing());
        line = new StringBuilder(pad);
        empty = pad.length();
        chunk = chunk.stripLeading();
      }
      line.append(chunk);
    }
    out.println(line.toString().stripTrailing());
  }

  /** Prints what the server received during the step. */
  private void sent() {
    List<String> requests = server.takeLog();
    String sent = requests.isEmpty() ? "nothing" : String.join(", then ", requests);
    out.println(INDENT + "sent: " + sent);
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("Demo arguments are not JSON: " + json, e);
    }
  }
}
