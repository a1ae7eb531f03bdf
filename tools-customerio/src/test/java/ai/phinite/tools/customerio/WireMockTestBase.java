package ai.phinite.tools.customerio;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Two WireMock servers, one standing in for the Track API and one for the App API, and a
 * connection whose {@code track} and {@code app} servers point at them. Every request is answered
 * {@code 200 {}} unless a test stubs otherwise; {@link #sentTo} asserts the one request made.
 */
abstract class WireMockTestBase {
  static final String SITE_ID = "a1f0c9d2e8";
  /** Chosen so that standard Base64 of {@code site_id:key} has both '+' and '/'. */
  static final String TRACK_API_KEY = "trk-FF?ow>";
  static final String APP_API_KEY = "app-key-3b9f";
  /** {@code Basic} + standard Base64 of {@code a1f0c9d2e8:trk-FF?ow>}, written out. */
  static final String TRACK_AUTH = "Basic YTFmMGM5ZDJlODp0cmstRkY/b3c+";
  static final String APP_AUTH = "Bearer " + APP_API_KEY;

  /** Which stand-in server a request went to. */
  enum Api { TRACK, APP }

  static WireMockServer track;
  static WireMockServer app;
  static ToolProvider<?> provider;

  Connection connection;

  @BeforeAll
  static void startServers() {
    track = new WireMockServer(options().dynamicPort());
    app = new WireMockServer(options().dynamicPort());
    track.start();
    app.start();
    provider = ToolCatalog.load().require("customerio");
  }

  @AfterAll
  static void stopServers() {
    track.stop();
    app.stop();
  }

  @BeforeEach
  void openConnection() {
    runtime = ai.phinite.tools.runtime.ToolRuntime.builder().skipWaits().build();
    track.resetAll();
    app.resetAll();
    track.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    app.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    connection = connect(credentials());
  }

  @AfterEach
  void closeConnection() {
    if (connection != null) {
      connection.close();
    }
    runtime.close();
  }

  /** The connection's credential values (a fresh, modifiable map). */
  static Map<String, String> credentials() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("site_id", SITE_ID);
    values.put("track_api_key", TRACK_API_KEY);
    values.put("app_api_key", APP_API_KEY);
    return values;
  }

  /**
   * Each test's own runtime, so that rate limits (counted per connection identity, in the
   * runtime) start afresh; retries wait for nothing here: tests stay fast, the attempts still
   * happen.
   */
  static ai.phinite.tools.runtime.ToolRuntime runtime;

  /** A connection to the stand-in servers with these credentials. */
  static Connection connect(Map<String, String> values) {
    return provider.connection()
        .credentials(values)
        .baseUrl("track", track.baseUrl() + "/api/v1")
        .baseUrl("app", app.baseUrl() + "/v1")
        .runtime(runtime)
        .build();
  }

  /** Calls a subtool with arguments written as JSON. */
  Response call(String subtool, String arguments) {
    return connection.invoke(subtool, json(arguments));
  }

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("Bad JSON in test: " + text, e);
    }
  }

  /** Every request the stand-in servers received, both together. */
  static int requestCount() {
    return track.getAllServeEvents().size() + app.getAllServeEvents().size();
  }

  /**
   * Asserts that exactly one request was made, to {@code api}, and returns it after checking what
   * every request must carry: the server's Authorization, {@code Accept: application/json} and a
   * User-Agent.
   */
  static LoggedRequest sentTo(Api api) {
    WireMockServer expected = api == Api.TRACK ? track : app;
    WireMockServer other = api == Api.TRACK ? app : track;
    assertWithMessage("requests to the other server").that(other.getAllServeEvents()).isEmpty();
    List<ServeEvent> events = expected.getAllServeEvents();
    assertWithMessage("requests to " + api).that(events).hasSize(1);
    LoggedRequest request = events.get(0).getRequest();
    assertWithMessage("Authorization").that(request.getHeader("Authorization"))
        .isEqualTo(api == Api.TRACK ? TRACK_AUTH : APP_AUTH);
    assertWithMessage("Accept").that(request.getHeader("Accept")).isEqualTo("application/json");
    assertWithMessage("User-Agent").that(request.getHeader("User-Agent")).isNotEmpty();
    return request;
  }

  /**
   * Asserts the one request made: server, method, URL as sent (path and query, percent-encoded,
   * after the base path {@code /api/v1} or {@code /v1}), and the exact JSON body ({@code null}:
   * no body at all).
   */
  static LoggedRequest assertSent(Api api, String method, String url, String body) {
    LoggedRequest request = sentTo(api);
    String base = api == Api.TRACK ? "/api/v1" : "/v1";
    assertWithMessage("method").that(request.getMethod().getName()).isEqualTo(method);
    assertWithMessage("URL as sent").that(request.getUrl()).isEqualTo(base + url);
    if (body == null) {
      assertWithMessage("body").that(request.getBodyAsString()).isEmpty();
    } else {
      assertWithMessage("Content-Type").that(request.getHeader("Content-Type"))
          .isEqualTo("application/json");
      assertWithMessage("body").that(json(request.getBodyAsString())).isEqualTo(json(body));
    }
    return request;
  }

  /** Asserts that nothing at all was sent. */
  static void assertNothingSent() {
    assertThat(requestCount()).isEqualTo(0);
  }
}
