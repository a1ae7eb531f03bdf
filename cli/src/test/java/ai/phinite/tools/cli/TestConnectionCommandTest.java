package ai.phinite.tools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code test-connection}: a verdict per check against a WireMock server. */
class TestConnectionCommandTest extends HelpdeskServerTest {
  private Cli.Result testConnection(String... more) {
    return helpdesk("test-connection", null, more);
  }

  private static void filesKeyRejected() {
    SERVER.stubFor(get("/files/ping").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Invalid files key\"}")));
  }

  @Test
  void everyCheckPasses() {
    SERVER.stubFor(get("/v2/me").willReturn(okJson("{\"id\":\"agent-1\"}")));
    SERVER.stubFor(get("/files/ping").willReturn(okJson("{\"ok\":true}")));

    Cli.Result r = testConnection();

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("Connection test of Helpdesk (example) (helpdesk)\n"
        + "\n"
        + "PASSED  Help-desk API key (api_key)\n"
        + "        credentials: api_key; ran who_am_i on server api: HTTP 200\n"
        + "PASSED  files_key\n"
        + "        credentials: files_key; ran ping_files on server files: HTTP 200\n"
        + "\n"
        + "Result: PASSED (2 checks)\n");
    SERVER.verify(1, getRequestedFor(urlEqualTo("/v2/me"))
        .withHeader("Authorization", equalTo("Bearer " + Cli.API_KEY)));
    SERVER.verify(1, getRequestedFor(urlEqualTo("/files/ping"))
        .withHeader("X-Files-Key", equalTo(Cli.FILES_KEY)));
  }

  @Test
  void oneFailingCheckFailsTheTestAndSaysWhichAndWhy() {
    SERVER.stubFor(get("/v2/me").willReturn(okJson("{\"id\":\"agent-1\"}")));
    filesKeyRejected();

    Cli.Result r = testConnection();

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("PASSED  Help-desk API key (api_key)\n");
    assertThat(r.out()).contains("FAILED  files_key\n"
        + "        credentials: files_key; ran ping_files on server files: HTTP 401\n"
        + "        ping_files failed: HTTP 401 Unauthorized");
    assertThat(r.out()).contains("Invalid files key");
    assertThat(r.out()).endsWith("Result: FAILED (1 of 2 failed: files_key)\n");
  }

  @Test
  void jsonPrintsTheReport() {
    SERVER.stubFor(get("/v2/me").willReturn(okJson("{\"id\":\"agent-1\"}")));
    filesKeyRejected();

    Cli.Result r = testConnection("--json");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(1);
    JsonNode report = r.outJson();
    assertThat(report.path("tool").asText()).isEqualTo("helpdesk");
    assertThat(report.path("passed").asBoolean()).isFalse();
    JsonNode api = report.path("checks").path(0);
    assertThat(api.path("passed").asBoolean()).isTrue();
    assertThat(api.path("credentials").toString()).isEqualTo("[\"api_key\"]");
    JsonNode files = report.path("checks").path(1);
    assertThat(files.path("passed").asBoolean()).isFalse();
    assertThat(files.path("status").asInt()).isEqualTo(401);
    assertThat(files.path("credentials").toString()).isEqualTo("[\"files_key\"]");
    assertThat(files.path("message").asText()).contains("Invalid files key");
  }

  @Test
  void invalidConnectionValuesAreInvalidInput() {
    Path bad = Cli.write(dir.resolve("bad.json"), "{\"files_key\": \"" + Cli.FILES_KEY + "\"}");

    Cli.Result r = cli.run("test-connection", "helpdesk", "--connection", bad.toString(),
        "--server", "api=" + SERVER.baseUrl() + "/v2");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.error().path("kind").asText()).isEqualTo("invalid_connection");
    assertThat(r.error().path("problems").path(0).path("pointer").asText()).isEqualTo("/api_key");
    assertNothingReceived();
  }
}
