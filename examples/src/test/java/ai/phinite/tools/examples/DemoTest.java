package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ConnectionTestReport;
import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline demo runs to the end in-process and prints the transcript the README promises. */
class DemoTest {
  @Test
  void demoRunsTheScriptedSession() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> Demo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    String output = bytes.toString(StandardCharsets.UTF_8);
    List<String> lines = output.lines().toList();

    assertThat(code).isEqualTo(0);
    assertThat(lines.get(0)).matches("Phinite tools demo, offline: a local help desk at"
        + " http://127\\.0\\.0\\.1:\\d+ plays the real API\\.");
    assertThat(lines).contains("Tools on the class path: crm, helpdesk, mailbox, payments");
    assertThat(lines)
        .contains("Connection: Connection[helpdesk, api_key=***, files_key=***, region=us]");
    assertThat(lines).contains("Connection test: passed");
    assertThat(lines).contains("  [ok] Help-desk API key (api_key): who_am_i -> HTTP 200");
    assertThat(lines).contains("  [ok] files_key: ping_files -> HTTP 200");
    assertThat(lines).containsAtLeast(
        "    sent: POST /v2/tickets",
        "    sent: GET /v2/tickets/T-1001",
        "    sent: GET /v2/tickets?pageSize=10&status=open",
        "    sent: PATCH /v2/tickets/T-1001",
        "    sent: PUT /v2/tickets/T-1001/status",
        "    sent: GET /v2/contacts/C-2/tickets?limit=1&sort=-created,"
            + " then POST /v2/tickets/T-1001/notes",
        "    sent: GET /v2/tickets/T-9999").inOrder();
    assertThat(output).contains("got:  201 {\"id\":\"T-1001\",\"subject\":\"Printer on fire\"");
    // The explicit null removed due_at: the update's result no longer has it.
    assertThat(output).contains("\"priority\":4,\"channel\":\"chat\",\"status\":\"open\"");
    assertThat(output).contains("\"status\":\"closed\"");
    assertThat(output).contains(
        "got:  201 {\"id\":\"N-1\",\"ticket_id\":\"T-1001\","
            + "\"body\":\"Replacement printer ships today.\"}");
    assertThat(output).contains("\"Authorization\":\"***\"");
    assertThat(output).contains("    would send: POST http://127.0.0.1:");
    assertThat(lines).contains("    got:  invalid_arguments, 4 problems:");
    assertThat(lines).contains("          /subject: must be at least 1 character long; got 0");
    assertThat(lines).contains("          /priority: must be at most 4; got 9");
    assertThat(lines).contains("    got:  not_found: get_ticket failed: HTTP 404 Not Found:"
        + " No ticket T-9999");
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("Done: every step behaved as expected; the local server is stopped.");
    // Two steps send nothing: the dry run and the invalid call.
    assertThat(lines.stream().filter(l -> l.equals("    sent: nothing")).count()).isEqualTo(2);

    assertThat(lines.size()).isAtMost(80);
    assertThat(output).doesNotContain(Demo.API_KEY);
    assertThat(output).doesNotContain(Demo.FILES_KEY);
    assertThat(output).doesNotContain("Exception");
    assertThat(output).doesNotContain("\tat ");
  }

  @Test
  void demoServerRefusesWrongKeysAndUnknownIds() throws Exception {
    try (DemoServer server = DemoServer.start(Demo.API_KEY, Demo.FILES_KEY);
        Connection wrong = ToolCatalog.load().require("helpdesk").connection()
            .credential("api_key", "wrong-api").credential("files_key", "wrong-files")
            .baseUrl("api", server.url() + "/v2").baseUrl("files", server.url())
            .maxRetries(0).build()) {
      ConnectionTestReport report = wrong.test();

      assertThat(report.passed()).isFalse();
      assertThat(report.checks().get(0).status()).isEqualTo(401);
      assertThat(report.checks().get(0).message()).endsWith(": Invalid API key");
      assertThat(report.checks().get(1).status()).isEqualTo(401);
      assertThat(report.checks().get(1).message()).endsWith(": Invalid files key");
      assertThat(server.takeLog()).containsExactly("GET /v2/me", "GET /ping").inOrder();
    }
    try (DemoServer server = DemoServer.start(Demo.API_KEY, Demo.FILES_KEY);
        Connection right = ToolCatalog.load().require("helpdesk").connection()
            .credential("api_key", Demo.API_KEY).credential("files_key", Demo.FILES_KEY)
            .baseUrl("api", server.url() + "/v2").baseUrl("files", server.url())
            .maxRetries(0).build()) {
      HttpStatusException e = assertThrows(
          HttpStatusException.class, () -> right.invoke("add_ticket_note",
              Json.MAPPER.readTree("{\"contact_id\":\"C-404\",\"text\":\"x\"}")));
      assertThat(e.kind()).isEqualTo("not_found");
      assertThat(e.serverMessage()).isEqualTo("No contact C-404");
      // The seeded ticket of contact C-1 takes a note through the lookup.
      assertThat(right.invoke("add_ticket_note",
          Json.MAPPER.readTree("{\"contact_id\":\"C-1\",\"text\":\"x\"}")).body()
          .get("ticket_id").asText()).isEqualTo("T-1000");
    }
  }
}
