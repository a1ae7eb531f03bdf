package ai.phinite.tools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code call} against a WireMock server: the request sent, the output, and dry runs. */
class CallCommandTest extends HelpdeskServerTest {
  @Test
  void callSendsTheRequestAndPrintsTheResponseBody() {
    SERVER.stubFor(post("/v2/tickets").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"T-1\",\"status\":\"open\",\"tags\":[]}")));

    Cli.Result r = call("create_ticket", "--args",
        "{\"subject\":\"Refund\",\"requester_email\":\"ann@example.com\",\"idempotency_key\":\"k-1\"}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\n"
        + "  \"id\": \"T-1\",\n"
        + "  \"status\": \"open\",\n"
        + "  \"tags\": []\n"
        + "}\n");
    SERVER.verify(1, postRequestedFor(urlEqualTo("/v2/tickets"))
        .withHeader("Authorization", equalTo("Bearer " + Cli.API_KEY))
        .withHeader("Idempotency-Key", equalTo("k-1"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(
            "{\"subject\":\"Refund\",\"requester\":{\"email\":\"ann@example.com\"},\"priority\":2}")));
    assertThat(SERVER.getAllServeEvents()).hasSize(1);
  }

  @Test
  void shapePrintsWhatAnAgentGetsAndRawStaysTheDefault() {
    SERVER.stubFor(get("/v2/tickets/T-3").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"T-3\",\"status\":\"open\",\"tags\":[],\"assignee\":null}")));

    Cli.Result shaped = call("get_ticket", "--args", "{\"ticket_id\":\"T-3\"}", "--shape");
    Cli.Result raw = call("get_ticket", "--args", "{\"ticket_id\":\"T-3\"}");

    assertWithMessage("%s", shaped).that(shaped.exit()).isEqualTo(0);
    assertThat(shaped.out()).isEqualTo("{\"id\":\"T-3\",\"status\":\"open\"}\n");
    assertThat(raw.out()).isEqualTo("{\n  \"id\": \"T-3\",\n  \"status\": \"open\",\n"
        + "  \"tags\": [],\n  \"assignee\": null\n}\n");
  }

  @Test
  void aBudgetTooSmallIsRefusedBeforeAnythingIsSent() {
    Cli.Result r = call("get_ticket", "--args", "{\"ticket_id\":\"T-3\"}", "--shape",
        "--budget-tokens", "10");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("The token budget must be at least 1000, not 10");
    assertThat(SERVER.getAllServeEvents()).isEmpty();
  }

  @Test
  void callOnTheFilesServerAuthenticatesWithItsHeader() {
    SERVER.stubFor(post("/files/attachments?filename=notes.txt")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"url\":\"https://files.example/notes.txt\"}")));

    Cli.Result r = call("upload_attachment",
        "--args", "{\"file_name\":\"notes.txt\",\"content\":\"hello\"}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.outJson().path("url").asText()).isEqualTo("https://files.example/notes.txt");
    SERVER.verify(1, postRequestedFor(urlEqualTo("/files/attachments?filename=notes.txt"))
        .withHeader("X-Files-Key", equalTo(Cli.FILES_KEY))
        .withoutHeader("Authorization")
        .withRequestBody(equalToJson("{\"content\":\"hello\"}")));
  }

  @Test
  void argsCanBeReadFromAFile() {
    SERVER.stubFor(get("/v2/tickets/T-9").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"T-9\"}")));
    Path args = Cli.write(dir.resolve("args.json"), "{\n  \"ticket_id\": \"T-9\"\n}\n");

    Cli.Result r = call("get_ticket", "--args", "@" + args);

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.outJson().toString()).isEqualTo("{\"id\":\"T-9\"}");
    SERVER.verify(1, getRequestedFor(urlEqualTo("/v2/tickets/T-9"))
        .withHeader("Authorization", equalTo("Bearer " + Cli.API_KEY)));
  }

  @Test
  void anEmptyBodyPrintsNothing() {
    SERVER.stubFor(put("/v2/tickets/T-1/status")
        .willReturn(aResponse().withStatus(204)));

    Cli.Result r = call("close_ticket", "--args", "{\"ticket_id\":\"T-1\"}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    SERVER.verify(1, putRequestedFor(urlEqualTo("/v2/tickets/T-1/status"))
        .withRequestBody(equalToJson("{\"status\":\"closed\",\"notify\":false}")));
  }

  @Test
  void aTextBodyIsPrintedAsText() {
    SERVER.stubFor(get("/v2/me").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("agent-1")));

    Cli.Result r = call("who_am_i");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("agent-1\n");
  }

  @Test
  void dryRunPrintsTheExactRequestAndSendsNothing() {
    Cli.Result r = call("create_ticket", "--dry-run", "--args",
        "{\"subject\":\"Refund\",\"requester_email\":\"ann@example.com\",\"idempotency_key\":\"k-1\"}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\n"
        + "  \"method\": \"POST\",\n"
        + "  \"url\": \"" + SERVER.baseUrl() + "/v2/tickets\",\n"
        + "  \"headers\": {\n"
        + "    \"Accept\": \"application/json\",\n"
        + "    \"User-Agent\": \"phinite-tools/" + VersionProvider.version() + "\",\n"
        + "    \"Content-Type\": \"application/json\",\n"
        + "    \"Authorization\": \"***\",\n"
        + "    \"Idempotency-Key\": \"k-1\"\n"
        + "  },\n"
        + "  \"body\": {\n"
        + "    \"subject\": \"Refund\",\n"
        + "    \"requester\": {\n"
        + "      \"email\": \"ann@example.com\"\n"
        + "    },\n"
        + "    \"priority\": 2\n"
        + "  }\n"
        + "}\n");
    assertNothingReceived();
  }

  @Test
  void dryRunOfTheFilesServerMasksItsKey() {
    Cli.Result r = call("upload_attachment", "--dry-run",
        "--args", "{\"file_name\":\"a.txt\",\"content\":\"x\"}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.outJson().path("headers").path("X-Files-Key").asText()).isEqualTo("***");
    assertThat(r.outJson().path("url").asText())
        .isEqualTo(SERVER.baseUrl() + "/files/attachments?filename=a.txt");
    assertNothingReceived();
  }
}
