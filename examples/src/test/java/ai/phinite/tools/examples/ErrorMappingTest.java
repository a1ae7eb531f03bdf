package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.TransportException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the server's answers become results and exceptions. */
class ErrorMappingTest extends HelpdeskWireMockTest {
  private static void answer(int status, String contentType, String body) {
    var response = aResponse().withStatus(status);
    if (contentType != null) {
      response.withHeader("Content-Type", contentType);
    }
    wm.stubFor(any(anyUrl()).willReturn(body == null ? response : response.withBody(body)));
  }

  private HttpStatusException failing(int status, String contentType, String body) {
    answer(status, contentType, body);
    return assertThrows(HttpStatusException.class,
        () -> invoke("get_ticket", "{'ticket_id':'T-1'}"));
  }

  @Test
  void notFound() {
    HttpStatusException e = failing(404, "application/json",
        "{\"errors\":[{\"code\":\"not_found\",\"message\":\"No ticket T-1\"}]}");

    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.serverMessage()).isEqualTo("No ticket T-1");
    assertThat(e.getMessage()).isEqualTo("get_ticket failed: HTTP 404 Not Found: No ticket T-1");
    assertThat(e.nothingSent()).isFalse();
    assertThat(e.response().body()).isEqualTo(
        j("{'errors':[{'code':'not_found','message':'No ticket T-1'}]}"));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.retryAdvisable()).isFalse();
    ObjectNode json = e.toJson();
    assertThat(json.get("kind").asText()).isEqualTo("not_found");
    assertThat(json.get("message").asText()).isEqualTo(e.getMessage());
    assertThat(json.get("status").asInt()).isEqualTo(404);
    assertThat(json.get("serverMessage").asText()).isEqualTo("No ticket T-1");
    assertThat(json.get("body")).isEqualTo(e.response().body());
  }

  @Test
  void errorsWithCodeAndMessage() {
    HttpStatusException e = failing(422, "application/json",
        "{\"errors\":[{\"code\":\"too_long\",\"message\":\"Subject is too long\"},"
            + "{\"code\":\"taken\"}]}");
    assertThat(e.kind()).isEqualTo("http_error");
    assertThat(e.status()).isEqualTo(422);
    assertThat(e.serverMessage()).isEqualTo("Subject is too long; taken");
    assertThat(e.getMessage()).isEqualTo(
        "get_ticket failed: HTTP 422 Unprocessable Entity: Subject is too long; taken");
  }

  @Test
  void jsonApiErrorsWithSourcePointer() {
    HttpStatusException e = failing(400, "application/vnd.api+json",
        "{\"errors\":[{\"status\":\"400\",\"title\":\"Invalid Attribute\","
            + "\"detail\":\"must be a valid email\","
            + "\"source\":{\"pointer\":\"/data/attributes/email\"}}]}");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.serverMessage()).isEqualTo("must be a valid email (at /data/attributes/email)");
    assertThat(e.getMessage()).isEqualTo("get_ticket failed: HTTP 400 Bad Request:"
        + " must be a valid email (at /data/attributes/email)");
  }

  @Test
  void metaError() {
    HttpStatusException e = failing(401, "application/json",
        "{\"meta\":{\"error\":\"Unauthorized request\"}}");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.serverMessage()).isEqualTo("Unauthorized request");
    assertThat(e.getMessage()).isEqualTo("get_ticket failed: HTTP 401 Unauthorized"
        + " (check the connection's credentials): Unauthorized request");
  }

  @Test
  void metaErrorsList() {
    HttpStatusException e =
        failing(400, "application/json", "{\"meta\":{\"errors\":[\"a\",\"b\"]}}");
    assertThat(e.serverMessage()).isEqualTo("a; b");
    assertThat(e.getMessage()).isEqualTo("get_ticket failed: HTTP 400 Bad Request: a; b");
  }

  @Test
  void plainMessage() {
    HttpStatusException e = failing(429, "application/json", "{\"message\":\"Slow down\"}");
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.serverMessage()).isEqualTo("Slow down");
    assertThat(e.getMessage()).startsWith("get_ticket failed: HTTP 429 Too Many Requests");
    assertThat(e.getMessage()).contains(": Slow down");
    assertThat(e.retryAdvisable()).isTrue();
  }

  @Test
  void plainTextServerError() {
    HttpStatusException e = failing(500, "text/plain", "upstream exploded\n");
    assertThat(e.status()).isEqualTo(500);
    assertThat(e.serverMessage()).isEqualTo("upstream exploded");
    assertThat(e.getMessage())
        .startsWith("get_ticket failed: HTTP 500 Server Error: upstream exploded");
    assertThat(e.getMessage()).endsWith("; retrying later is advisable");
    assertThat(e.response().body().isTextual()).isTrue();
  }

  @Test
  void emptyBadGateway() {
    HttpStatusException e = failing(502, null, null);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.serverMessage()).isNull();
    assertThat(e.getMessage())
        .isEqualTo("get_ticket failed: HTTP 502 Server Error; retrying later is advisable");
    assertThat(e.response().body().isNull()).isTrue();
  }

  @Test
  void jsonWithoutAMessage() {
    HttpStatusException e = failing(409, "application/json", "{\"id\":\"T-1\"}");
    assertThat(e.serverMessage()).isNull();
    assertThat(e.getMessage()).isEqualTo("get_ticket failed: HTTP 409 Conflict");
  }

  @Test
  void successWithEmptyBodyIsJsonNull() {
    answer(204, null, null);
    Response r = invoke("delete_ticket", "{'ticket_id':'T-1'}");
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body().isNull()).isTrue();

    answer(200, "application/json", "");
    assertThat(invoke("get_ticket", "{'ticket_id':'T-1'}").body().isNull()).isTrue();
  }

  @Test
  void successWithTextIsATextNode() {
    answer(200, "text/plain", "pong");
    Response r = invoke("who_am_i", "{}");
    assertThat(r.body().isTextual()).isTrue();
    assertThat(r.body().asText()).isEqualTo("pong");
    assertThat(r.header("content-type")).isEqualTo("text/plain");
    assertThat(r.header("Content-Type")).isEqualTo("text/plain");

    // Text that merely looks like JSON is kept as text.
    answer(200, "text/html", "{not json");
    assertThat(invoke("who_am_i", "{}").body().asText()).isEqualTo("{not json");
  }

  @Test
  void successWithJsonWithoutContentType() {
    answer(201, null, "[1,2]");
    Response r = invoke("who_am_i", "{}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body()).isEqualTo(j("[1,2]"));
  }

  @Test
  void connectionRefusedIsATransportFailure() throws Exception {
    int port = closedPort();
    try (Connection c = connect().baseUrl("api", "http://127.0.0.1:" + port).build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> c.invoke("get_ticket", j("{'ticket_id':'T-1'}")));
      assertThat(e.kind()).isEqualTo("transport");
      assertThat(e.getMessage()).startsWith(
          "get_ticket failed: http://127.0.0.1:" + port + " could not be reached");
      assertThat(e.getMessage()).doesNotContain(API_KEY);
    }
  }

  @Test
  void slowServerIsATransportTimeout() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    try (Connection c = connect().deadline(Duration.ofMillis(300)).build()) {
      ToolException e = assertThrows(TransportException.class,
          () -> c.invoke("who_am_i", j("{}")));
      assertThat(e.getMessage()).isEqualTo("who_am_i failed: no complete response came from "
          + wm.baseUrl() + " within the call's deadline of 300 ms (the server may have stalled,"
          + " or be sending its answer too slowly); nothing further is sent");
    }
  }

  @Test
  void oversizedResponseIsRefused() {
    answer(200, "application/json", "\"" + "x".repeat(2_000) + "\"");
    try (Connection c = connect().maxResponseBytes(1_000).build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> c.invoke("who_am_i", j("{}")));
      assertThat(e.getMessage()).isEqualTo(
          "who_am_i failed: the response is larger than 1000 bytes, the most this connection"
          + " accepts; not retried, since the same request would get the same answer: ask for"
          + " less (a smaller page, fewer items or fields)");
    }
  }
}
