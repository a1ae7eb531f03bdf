package ai.phinite.tools.kustomer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.TransportException;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kustomer's error answers become errors an agent can read: status and the server's message. */
class ErrorsTest extends WireMockTestBase {

  private static void answer(MappingBuilder request, int status, String body) {
    wireMock.stubFor(request.willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  private HttpStatusException failing(String subtool, String arguments) {
    return assertThrows(HttpStatusException.class, () -> call(subtool, arguments));
  }

  @Test
  void anUnknownRegionIsRefusedAndNothingReachesTheServer() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connect(Map.of("region", "europe")));

    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.nothingSent()).isTrue();
    assertThat(e.getMessage()).contains("/region: must be one of us, eu, in; got 'europe'");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    assertNothingSent();
  }

  @Test
  void aKnownRegionBesideAnOverriddenBaseUrlStillReachesTheServer() {
    // an override (tests, proxies) replaces the whole base URL, whatever org_name or region say
    try (Connection eu = connect(Map.of("region", "eu"))) {
      eu.invoke("get_current_user", json("{}"));
    }
    assertSent("GET", "/v1/users/current");
  }

  @Test
  void noCustomerWithThatEmailIsNotFound() {
    answer(get(urlEqualTo("/v1/customers/email=nobody%40example.com")), 404,
        "{\"errors\":[{\"status\":\"404\",\"code\":\"not_found\",\"title\":\"Not Found\"}]}");

    HttpStatusException e = failing("get_customer_by_email", "{'email': 'nobody@example.com'}");

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.serverMessage()).isEqualTo("Not Found");
    assertThat(e.getMessage()).startsWith("get_customer_by_email failed: HTTP 404");
    assertThat(e.toJson().path("kind").asText()).isEqualTo("not_found");
  }

  @Test
  void noCustomerWithThatPhoneIsNotFoundEvenWithAnEmptyBody() {
    wireMock.stubFor(get(urlEqualTo("/v1/customers/phone=%2B15550000000"))
        .willReturn(aResponse().withStatus(404)));

    HttpStatusException e = failing("get_customer_by_phone", "{'phone': '+15550000000'}");

    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.serverMessage()).isNull();
  }

  @Test
  void errorShapeWithCodeAndMessage() {
    answer(post(urlEqualTo("/v1/customers")), 400, "{\"errors\":[{\"code\":\"bad_request\","
        + "\"message\":\"Invalid request body or parameters.\",\"meta\":{}}]}");

    HttpStatusException e = failing("create_customer", "{'name': 'Ada'}");

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.kind()).isEqualTo("http_error");
    assertThat(e.serverMessage()).isEqualTo("Invalid request body or parameters.");
    assertThat(e.getMessage()).isEqualTo(
        "create_customer failed: HTTP 400 Bad Request: Invalid request body or parameters.");
  }

  @Test
  void errorShapeOfJsonApi() {
    answer(post(urlEqualTo("/v1/companies")), 400, "{\"errors\":[{\"status\":\"400\","
        + "\"code\":\"validation\",\"title\":\"Bad Request\",\"detail\":\"name must be at least"
        + " 3 characters\",\"source\":{\"pointer\":\"/name\"},\"meta\":{}}]}");

    HttpStatusException e = failing("create_company", "{'name': 'AB'}");

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.serverMessage()).isEqualTo("name must be at least 3 characters (at /name)");
    assertThat(e.toJson().path("body").path("errors").path(0).path("code").asText())
        .isEqualTo("validation");
  }

  @Test
  void aRejectedTokenSaysToCheckTheCredentialsWithoutShowingThem() {
    answer(get(urlEqualTo("/v1/users/current")), 401,
        "{\"errors\":[{\"status\":\"401\",\"title\":\"Unauthorized\",\"detail\":\"Expired token\"}]}");

    HttpStatusException e = failing("get_current_user", "{}");

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("check the connection's credentials");
    assertThat(e.getMessage()).contains("Expired token");
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    assertThat(e.toJson().toString()).doesNotContain(TOKEN);
  }

  @Test
  void rateLimitingSaysToRetryLaterAndKeepsTheRateLimitHeaders() {
    wireMock.stubFor(get(urlEqualTo("/v1/customers?page=1")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-ratelimit-limit", "1000")
        .withHeader("x-ratelimit-remaining", "0")
        .withHeader("x-ratelimit-reset", "1767225660")
        .withBody("{\"errors\":[{\"code\":\"too_many_requests\",\"message\":\"Rate limit exceeded\"}]}")));

    HttpStatusException e = failing("list_customers", "{'page': 1}");

    assertThat(e.status()).isEqualTo(429);
    assertThat(e.kind()).isEqualTo("http_error");
    assertThat(e.getMessage()).isEqualTo("list_customers failed: HTTP 429 Too Many Requests (rate"
        + " limited): Rate limit exceeded (after 4 attempts); retrying later is advisable");
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.retryAdvisable()).isTrue();
    assertThat(e.serverMessage()).isEqualTo("Rate limit exceeded");
    assertThat(e.response().header("X-RateLimit-Limit")).isEqualTo("1000");
    assertThat(e.response().header("x-ratelimit-remaining")).isEqualTo("0");
    assertThat(e.response().header("x-ratelimit-reset")).isEqualTo("1767225660");
  }

  @Test
  void aServerErrorWithATextBodyKeepsTheText() {
    wireMock.stubFor(get(urlEqualTo("/v1/tags")).willReturn(aResponse().withStatus(503)
        .withHeader("Content-Type", "text/plain").withBody("upstream unavailable")));

    HttpStatusException e = failing("list_tags", "{}");

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).contains("Server Error");
    assertThat(e.serverMessage()).isEqualTo("upstream unavailable");
  }

  @Test
  void noAnswerIsATransportError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (Connection unreachable = provider().connection()
        .credential("api_token", TOKEN)
        .baseUrl("api", "http://127.0.0.1:" + closedPort + "/v1")
        .runtime(RUNTIME)
        .build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> unreachable.invoke("get_current_user", json("{}")));
      assertThat(e.kind()).isEqualTo("transport");
      assertThat(e.getMessage()).doesNotContain(TOKEN);
    }
  }
}
