package ai.phinite.tools.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code call} failures: invalid input exits 2 and sends nothing; HTTP and transport failures exit
 * 1; every error is one JSON object on standard error.
 */
class CallFailureTest extends HelpdeskServerTest {
  @Test
  void invalidArgumentsListEveryProblemWithItsPointerAndSendNothing() {
    Cli.Result r = call("create_ticket", "--args",
        "{\"subject\":\"\",\"requester_email\":\"nope\",\"priority\":9,\"colour\":\"red\"}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    JsonNode error = r.error();
    assertThat(error.path("kind").asText()).isEqualTo("invalid_arguments");
    assertThat(error.path("message").asText()).startsWith("Invalid arguments for create_ticket");
    List<String> pointers = new ArrayList<>();
    for (JsonNode p : error.path("problems")) {
      pointers.add(p.path("pointer").asText());
      assertThat(p.path("message").asText()).isNotEmpty();
    }
    assertThat(pointers).containsExactly("/subject", "/requester_email", "/priority", "/colour");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertNothingReceived();
  }

  @Test
  void invalidArgumentsFailADryRunToo() {
    Cli.Result r = call("get_ticket", "--dry-run", "--args", "{}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.error().path("problems").path(0).path("pointer").asText()).isEqualTo("/ticket_id");
    assertNothingReceived();
  }

  @Test
  void unknownToolIsInvalidInput() {
    Cli.Result r = cli.run("call", "zendesk", "get_ticket", "--connection", connection.toString());

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("unknown_tool");
    assertThat(r.out()).isEmpty();
    assertNothingReceived();
  }

  @Test
  void unknownSubtoolIsInvalidInput() {
    Cli.Result r = call("get_tickets", "--args", "{}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("unknown_subtool");
    assertThat(r.error().path("message").asText()).contains("get_ticket");
    assertNothingReceived();
  }

  @Test
  void argsThatAreNotJsonAreInvalidInput() {
    Cli.Result r = call("get_ticket", "--args", "{ticket_id: T-1}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    JsonNode error = r.error();
    assertThat(error.path("kind").asText()).isEqualTo("invalid_input");
    assertThat(error.path("option").asText()).isEqualTo("--args");
    assertThat(error.path("message").asText()).startsWith("--args is not valid JSON: ");
    assertThat(error.path("message").asText()).contains("(line 1, column 2)");
    assertNothingReceived();
  }

  @Test
  void argsFileThatDoesNotExistIsInvalidInput() {
    Cli.Result r = call("get_ticket", "--args", "@" + dir.resolve("missing.json"));

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("invalid_input");
    assertThat(r.error().path("message").asText()).contains("does not exist");
    assertNothingReceived();
  }

  @Test
  void http404FailsWithStatusAndServerMessage() {
    SERVER.stubFor(get("/v2/tickets/T-404").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Ticket T-404 does not exist\"}")));

    Cli.Result r = call("get_ticket", "--args", "{\"ticket_id\":\"T-404\"}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    JsonNode error = r.error();
    assertThat(error.path("kind").asText()).isEqualTo("not_found");
    assertThat(error.path("status").asInt()).isEqualTo(404);
    assertThat(error.path("serverMessage").asText()).isEqualTo("Ticket T-404 does not exist");
    assertThat(error.path("message").asText()).contains("HTTP 404");
  }

  @Test
  void http500FailsWithStatusAndServerMessage() {
    SERVER.stubFor(post("/v2/tickets/search").willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"message\":\"search is down\"}]}")));

    Cli.Result r = call("search_tickets", "--args", "{\"query\":{\"text\":\"refund\"}}");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(1);
    JsonNode error = r.error();
    assertThat(error.path("kind").asText()).isEqualTo("http_error");
    assertThat(error.path("status").asInt()).isEqualTo(500);
    assertThat(error.path("serverMessage").asText()).isEqualTo("search is down");
    assertThat(error.path("body").path("errors").path(0).path("message").asText())
        .isEqualTo("search is down");
  }

  @Test
  void unreachableServerIsATransportFailure() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Cli.Result r = cli.run("call", "helpdesk", "who_am_i", "--connection", connection.toString(),
        "--server", "api=http://127.0.0.1:" + port + "/v2");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(1);
    assertThat(r.error().path("kind").asText()).isEqualTo("transport");
  }

  @Test
  void invalidConnectionValuesAreListedAndNothingIsSent() {
    Path bad = Cli.write(dir.resolve("bad.json"),
        "{\"api_key\": \"" + Cli.API_KEY + "\", \"region\": \"mars\", \"colour\": \"red\"}");

    Cli.Result r = cli.run("call", "helpdesk", "who_am_i", "--connection", bad.toString(),
        "--server", "api=" + SERVER.baseUrl() + "/v2");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    JsonNode error = r.error();
    assertThat(error.path("kind").asText()).isEqualTo("invalid_connection");
    List<String> pointers = new ArrayList<>();
    error.path("problems").forEach(p -> pointers.add(p.path("pointer").asText()));
    assertThat(pointers).containsExactly("/colour", "/files_key", "/region");
    assertNothingReceived();
  }

  @Test
  void connectionValuesMustBeStrings() {
    Path bad = Cli.write(dir.resolve("bad.json"),
        "{\"api_key\": \"" + Cli.API_KEY + "\", \"files_key\": 42}");

    Cli.Result r = cli.run("call", "helpdesk", "who_am_i", "--connection", bad.toString());

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("invalid_connection");
    assertThat(r.error().path("problems").path(0).path("pointer").asText())
        .isEqualTo("/files_key");
    assertThat(r.error().path("problems").path(0).path("message").asText())
        .contains("must be a string");
    assertNothingReceived();
  }

  @Test
  void aConnectionFileThatIsNotJsonIsNeverQuoted() {
    Path bad = Cli.write(dir.resolve("bad.json"), "{\"api_key\": " + Cli.API_KEY + "}");

    Cli.Result r = cli.run("call", "helpdesk", "who_am_i", "--connection", bad.toString());

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("invalid_input");
    assertThat(r.error().path("option").asText()).isEqualTo("--connection");
    assertThat(r.error().path("message").asText()).contains("is not valid JSON (line 1, column");
    assertNothingReceived();
    // the secret-free output is asserted for every run after each test
  }

  @Test
  void connectionIsRequired() {
    Cli.Result r = cli.run("call", "helpdesk", "who_am_i", "--dry-run");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("usage");
    assertThat(r.error().path("message").asText()).contains("--connection");
    assertThat(r.err()).contains("Usage: phinite-tools call");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void serverOverrideMustBeIdEqualsUrl() {
    Cli.Result r = cli.run("call", "helpdesk", "who_am_i", "--connection", connection.toString(),
        "--server", "http://localhost/v2");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("usage");
    assertNothingReceived();
  }

  @Test
  void unknownServerInAnOverrideIsInvalidConnection() {
    Cli.Result r = cli.run("call", "helpdesk", "who_am_i", "--connection", connection.toString(),
        "--server", "mail=" + SERVER.baseUrl());

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("invalid_connection");
    assertThat(r.error().path("problems").path(0).path("pointer").asText())
        .isEqualTo("/servers/mail");
    assertNothingReceived();
  }
}
