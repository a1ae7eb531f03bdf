package ai.phinite.tools.kustomer;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server standing in for Kustomer, and a connection to it. Every request is answered
 * {@code 200 {"data":{}}} unless a test stubs otherwise; tests then assert what went on the wire
 * from WireMock's request journal (URLs exactly as received, still percent-encoded).
 *
 * <p>JSON in tests is written with single quotes for readability.
 */
abstract class WireMockTestBase {
  static final String TOKEN = "test-token-0123456789";

  /** Lenient only about quotes, so test JSON reads well. */
  static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  static WireMockServer wireMock;

  /** A connection to WireMock with {@link #TOKEN} and default values for everything else. */
  Connection kustomer;

  @BeforeAll
  static void startWireMock() {
    wireMock = new WireMockServer(options().dynamicPort());
    wireMock.start();
  }

  @AfterAll
  static void stopWireMock() {
    wireMock.stop();
  }

  @BeforeEach
  void resetWireMock() {
    wireMock.resetAll();
    wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{\"data\":{}}")));
    kustomer = connect(Map.of());
  }

  @AfterEach
  void closeConnection() {
    kustomer.close();
  }

  static ToolProvider<?> provider() {
    return ToolCatalog.load().require("kustomer");
  }

  /** Retries wait for nothing here: tests stay fast, the attempts still happen. */
  static final ai.phinite.tools.runtime.ToolRuntime RUNTIME =
      ai.phinite.tools.runtime.ToolRuntime.builder().skipWaits().build();

  /** A connection to WireMock with the token and these further credentials. */
  static Connection connect(Map<String, String> credentials) {
    return provider().connection()
        .credential("api_token", TOKEN)
        .credentials(credentials)
        .baseUrl("api", wireMock.baseUrl() + "/v1")
        .runtime(RUNTIME)
        .build();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Bad test JSON: " + text, e);
    }
  }

  /** Calls a subtool on the WireMock connection. */
  ai.phinite.tools.runtime.Response call(String subtool, String arguments) {
    return kustomer.invoke(subtool, json(arguments));
  }

  /** Every request WireMock received, oldest first. */
  static List<LoggedRequest> received() {
    return wireMock.findAll(anyRequestedFor(anyUrl()));
  }

  /** Asserts that exactly one request was sent, without a body. */
  static void assertSent(String method, String url) {
    assertOnly(method, url, null);
  }

  /** Asserts that exactly one request was sent, with this exact JSON body. */
  static void assertSent(String method, String url, String body) {
    assertOnly(method, url, body);
  }

  static void assertNothingSent() {
    assertThat(received()).isEmpty();
  }

  private static void assertOnly(String method, String url, String body) {
    List<LoggedRequest> all = received();
    assertWithMessage("requests received").that(all).hasSize(1);
    assertRequest(all.get(0), method, url, body);
  }

  /**
   * Asserts one request: method, URL as received (path and query, percent-encoded), bearer token,
   * Accept, and either no body and no Content-Type, or {@code Content-Type: application/json} and
   * exactly this JSON body (no property more or less, nulls included).
   */
  static void assertRequest(LoggedRequest request, String method, String url, String body) {
    assertWithMessage("method").that(request.getMethod().getName()).isEqualTo(method);
    assertWithMessage("url").that(request.getUrl()).isEqualTo(url);
    assertWithMessage("Authorization").that(request.getHeader("Authorization"))
        .isEqualTo("Bearer " + TOKEN);
    assertWithMessage("Accept").that(request.getHeader("Accept")).isEqualTo("application/json");
    assertWithMessage("User-Agent").that(request.getHeader("User-Agent")).isNotEmpty();
    if (body == null) {
      assertWithMessage("Content-Type").that(request.containsHeader("Content-Type")).isFalse();
      assertWithMessage("body").that(request.getBodyAsString()).isEmpty();
    } else {
      assertWithMessage("Content-Type").that(request.getHeader("Content-Type"))
          .isEqualTo("application/json");
      assertWithMessage("body").that(json(request.getBodyAsString())).isEqualTo(json(body));
    }
  }
}
