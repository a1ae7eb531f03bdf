package ai.phinite.tools.customerio;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.testkit.CannedResponse;
import org.junit.jupiter.api.Test;

/**
 * The error shapes of both APIs reach the agent as the status, the server's message and the raw
 * body; any status below 400, 204 included, is success.
 */
class ErrorsTest extends CustomerIoServerTest {

  /** Answers requests with this method and path (any path when {@code null}) on one API. */
  private static void answer(Api api, String method, String path, int status, String body) {
    server.onRequest(method, path).server(api.server)
        .respond(CannedResponse.status(status).withJson(body));
  }

  @Test
  void trackMetaErrorsList() {
    answer(Api.TRACK, "POST", null, 400,
        "{\"meta\":{\"errors\":[\"event name is required\",\"data is too large\"]}}");
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> call("track_event", "{\"identifier\": \"42\", \"name\": \"x\"}"));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.serverMessage()).contains("event name is required");
    assertThat(e.serverMessage()).contains("data is too large");
    assertThat(e.getMessage()).contains("track_event failed: HTTP 400");
    assertThat(e.response().body().path("meta").path("errors").size()).isEqualTo(2);
    assertThat(e.nothingSent()).isFalse();
  }

  @Test
  void trackMetaErrorOnMerge() {
    answer(Api.TRACK, "POST", "/api/v1/merge_customers", 400,
        "{\"meta\":{\"error\":\"only one identifier allowed per person\"}}");
    HttpStatusException e = assertThrows(HttpStatusException.class, () -> call("merge_customers",
        "{\"primary\": {\"id\": \"1\"}, \"secondary\": {\"id\": \"2\"}}"));
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.serverMessage()).isEqualTo("only one identifier allowed per person");
    assertThat(e.toJson().path("body").path("meta").path("error").asText())
        .isEqualTo("only one identifier allowed per person");
  }

  @Test
  void appMetaErrorOnTransactionalSend() {
    answer(Api.APP, "POST", "/v1/send/email", 400,
        "{\"meta\":{\"error\":\"attachment is not valid base64\"}}");
    HttpStatusException e = assertThrows(HttpStatusException.class, () -> call(
        "send_transactional_email", "{\"transactional_message_id\": 1,"
            + " \"identifiers\": {\"id\": \"1\"}, \"to\": \"a@example.com\"}"));
    assertThat(e.serverMessage()).isEqualTo("attachment is not valid base64");
    assertThat(e.getMessage()).contains("attachment is not valid base64");
  }

  @Test
  void appErrorsDetailOnBroadcast() {
    answer(Api.APP, "POST", "/v1/campaigns/3/triggers", 422,
        "{\"errors\":[{\"detail\":\"trigger 77: 2 ids were not found\",\"source\":{\"pointer\":\"/ids\"},"
            + "\"status\":\"422\"}]}");
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> call("trigger_broadcast", "{\"broadcast_id\": 3, \"ids\": [\"1\", \"2\"]}"));
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.serverMessage()).contains("trigger 77: 2 ids were not found");
    assertThat(e.response().body().path("errors").path(0).path("status").asText()).isEqualTo("422");
  }

  @Test
  void unauthorizedWithoutBodySaysToCheckTheCredentials() {
    server.onRequest("POST", null).server("track").respond(CannedResponse.status(401));
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> call("suppress_customer", "{\"identifier\": \"42\"}"));
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.serverMessage()).isNull();
    assertThat(e.getMessage()).contains("credentials");
    assertThat(e.getMessage()).doesNotContain(TRACK_API_KEY);
  }

  @Test
  void notFound() {
    answer(Api.APP, "GET", null, 404, "{\"errors\":[{\"detail\":\"campaign not found\",\"status\":\"404\"}]}");
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> call("get_campaign", "{\"campaign_id\": 999}"));
    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.serverMessage()).contains("campaign not found");
  }

  @Test
  void rateLimited() {
    server.onRequest("GET", null).server("app")
        .respond(CannedResponse.status(429).withHeader("Retry-After", "1"));
    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> call("list_segments", "{}"));
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.getMessage()).contains("rate limited");
  }

  @Test
  void deleteSegment_204IsSuccess() {
    server.onRequest("DELETE", "/v1/segments/7").server("app").respond(CannedResponse.status(204));
    Response r = call("delete_segment", "{\"segment_id\": 7}");
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body().isNull()).isTrue();
  }

  @Test
  void trackEmptyBody200IsSuccess() {
    server.onRequest("POST", null).server("track").respond(CannedResponse.status(200));
    Response r = call("unsuppress_customer", "{\"identifier\": \"42\"}");
    assertThat(r.status()).isEqualTo(200);
  }
}
