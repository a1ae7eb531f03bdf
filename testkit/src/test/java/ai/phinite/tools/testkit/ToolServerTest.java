package ai.phinite.tools.testkit;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.HttpStatusException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

/** The extension on the sample tool: what it records, answers, asserts and refuses. */
class ToolServerTest {
  static final String TOKEN = "notes-token-42";

  @RegisterExtension
  static final ToolServer notes = ToolServer.forTool("notes").credential("api_token", TOKEN);

  @Test
  void recordsTheExactRequest_withTheRealBasePath() {
    Response r = notes.call("get_note", "{'note_id': 'n/1 a', 'fields': 'a,b'}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().toString()).isEqualTo("{}");
    notes.assertOneRequest()
        .server("api").method("GET").url("/api/v2/notes/n%2F1%20a?fields=a%2Cb")
        .path("/api/v2/notes/n%2F1%20a").query("fields=a%2Cb")
        .header("Authorization", "Bearer " + TOKEN).hasHeader("User-Agent")
        .noBody();
    assertThat(notes.baseUrl("api")).matches("http://127\\.0\\.0\\.1:\\d+/api/v2");
  }

  @Test
  void jsonBody_isComparedExactly_noPropertyMoreOrLess() {
    notes.call("create_note", "{'text': 'hello', 'label': 'x', 'source': 'agent-7'}");

    RequestAssert sent = notes.assertOneRequest().method("POST").url("/api/v2/notes")
        .header("X-Request-Source", "agent-7").jsonBody("{'label': 'x', 'text': 'hello'}");
    AssertionFailedError oneLess = assertThrows(AssertionFailedError.class,
        () -> sent.jsonBody("{'text': 'hello'}"));
    assertThat(oneLess).hasMessageThat()
        .isEqualTo("The JSON body of POST /api/v2/notes (api) differs");
    assertThat(oneLess.getExpected().getValue()).isEqualTo("{\"text\":\"hello\"}");
    assertThat(oneLess.getActual().getValue()).isEqualTo("{\"text\":\"hello\",\"label\":\"x\"}");
    assertThrows(AssertionFailedError.class,
        () -> sent.jsonBody("{'text': 'hello', 'label': 'x', 'extra': null}"));
  }

  @Test
  void eachServerOfTheToolHasItsOwnRecordingServer() {
    notes.call("delete_attachment", "{'attachment_id': 'a1'}");

    notes.assertOneRequest().server("files").method("DELETE").url("/attachments/a1");
    assertThat(notes.baseUrl("files")).doesNotContain(notes.baseUrl("api"));
  }

  @Test
  void cannedResponses_inTurn_theLastRepeats() {
    notes.onRequest("GET", "/api/v2/notes/n1").respond(
        CannedResponse.status(503), CannedResponse.json("{'id': 'n1'}".replace('\'', '"')));
    notes.onRequest(null, "/api/v2/notes/n2").respond(
        CannedResponse.status(404).withJson("{\"error\":\"no note n2\"}"));

    Response first = notes.call("get_note", "{'note_id': 'n1'}");
    assertThat(first.body().path("id").asText()).isEqualTo("n1");
    notes.assertRequests(2).forEach(r -> r.method("GET").url("/api/v2/notes/n1"));

    Response again = notes.call("get_note", "{'note_id': 'n1'}");
    assertThat(again.status()).isEqualTo(200);
    HttpStatusException missing = assertThrows(HttpStatusException.class,
        () -> notes.call("get_note", "{'note_id': 'n2'}"));
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void aStubCanBeLimitedToOneServer() {
    notes.onRequest("DELETE", null).server("api").respond(CannedResponse.status(500));

    Response r = notes.call("delete_attachment", "{'attachment_id': 'a1'}");
    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void defaultResponse_canChangeForOneTest() {
    notes.respondByDefault(CannedResponse.status(204));

    Response r = notes.call("delete_attachment", "{'attachment_id': 'a1'}");
    assertThat(r.status()).isEqualTo(204);
  }

  @Test
  void badArguments_sendNothing() {
    assertThrows(InvalidInputException.class, () -> notes.call("get_note", "{'fields': 3}"));

    notes.assertNothingSent();
  }

  @Test
  void countMismatch_listsWhatWasReceived() {
    notes.call("get_note", "{'note_id': 'n1'}");
    notes.call("get_note", "{'note_id': 'n2'}");

    AssertionFailedError e = assertThrows(AssertionFailedError.class, notes::assertOneRequest);
    assertThat(e).hasMessageThat().isEqualTo("Expected 1 request(s) to 'notes', received 2:"
        + " [GET /api/v2/notes/n1 (api), GET /api/v2/notes/n2 (api)]");
  }

  @Test
  void failedAssertions_sayWhatDiffers() {
    notes.call("get_note", "{'note_id': 'n1'}");
    RequestAssert sent = notes.assertOneRequest();

    assertThat(assertThrows(AssertionFailedError.class, () -> sent.method("POST")))
        .hasMessageThat().isEqualTo("The method of GET /api/v2/notes/n1 (api) differs");
    assertThat(assertThrows(AssertionFailedError.class, () -> sent.url("/api/v2/notes/n2")))
        .hasMessageThat().isEqualTo("The URL of GET /api/v2/notes/n1 (api) differs");
    assertThat(assertThrows(AssertionFailedError.class, () -> sent.noHeader("Authorization")))
        .hasMessageThat().startsWith("Expected no Authorization header on GET /api/v2/notes/n1");
    assertThat(assertThrows(AssertionFailedError.class, () -> sent.jsonBody("{}")))
        .hasMessageThat().isEqualTo("Expected Content-Type application/json on"
            + " GET /api/v2/notes/n1 (api); it is absent");
  }

  @Test
  void dryRun_buildsTheRealRequest_sendsNothing_marksTheTokenSecret() {
    PreparedRequest request = notes.dryRun("create_note", "{'text': 'hi'}");

    RequestAssert.of(request).server("api").method("POST")
        .url("https://notes.example.com/api/v2/notes").path("/api/v2/notes").query(null)
        .header("Authorization", "Bearer " + TOKEN).secretHeader("Authorization")
        .jsonBody("{'text': 'hi'}");
    assertThat(request.toString()).doesNotContain(TOKEN);
    notes.assertNothingSent();
  }

  @Test
  void theRecordingServerListensOnLoopbackOnly() throws Exception {
    URI base = URI.create(notes.baseUrl("api"));
    assertThat(base.getHost()).isEqualTo("127.0.0.1");
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> r = client.send(
        HttpRequest.newBuilder(base.resolve("/anything?x=1")).header("X-Test", "yes")
            .method("PATCH", HttpRequest.BodyPublishers.ofString("raw")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    List<RecordedRequest> all = notes.requests();
    assertThat(all).hasSize(1);
    assertThat(all.get(0).url()).isEqualTo("/anything?x=1");
    assertThat(all.get(0).header("x-test")).isEqualTo("yes");
    assertThat(all.get(0).bodyText()).isEqualTo("raw");
  }

  @Test
  void recordingsStartEmptyInEveryTest() {
    notes.assertNothingSent();
  }

  @Test
  void clearRequests_forgetsWhatWasReceived_keepsTheStubs() {
    notes.onRequest("GET", null).respond(CannedResponse.status(202));
    notes.call("get_note", "{'note_id': 'n1'}");

    notes.clearRequests();

    notes.assertNothingSent();
    assertThat(notes.call("get_note", "{'note_id': 'n1'}").status()).isEqualTo(202);
    notes.assertOneRequest().url("/api/v2/notes/n1");
  }

  @Test
  void unreachableBeforeAndAfter_isAClearError() {
    ToolServer unregistered = ToolServer.forTool("notes");
    IllegalStateException e = assertThrows(IllegalStateException.class, unregistered::requests);
    assertThat(e).hasMessageThat().isEqualTo("The recording servers of 'notes' run only during a"
        + " test: register the ToolServer with @RegisterExtension");
    assertThat(assertThrows(IllegalArgumentException.class, () -> notes.baseUrl("nope")))
        .hasMessageThat().isEqualTo("Tool 'notes' has no server 'nope'; its servers: [api, files]");
  }
}
