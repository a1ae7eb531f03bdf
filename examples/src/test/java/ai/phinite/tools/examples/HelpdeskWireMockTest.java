package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared set-up of the runtime behaviour tests: one WireMock server per test class on a free local
 * port, reset before every test, and a {@code helpdesk} connection whose two servers both point at
 * it. Everything goes through the public runtime API, as an application would use it.
 */
abstract class HelpdeskWireMockTest {
  /** Secret values that must never show up in messages, {@code toString}s or dry runs. */
  static final String API_KEY = "sk-API-SECRET-7f3a9c";
  static final String FILES_KEY = "fk-FILES-SECRET-51e2d0";

  static WireMockServer wm;

  /** The connection of the current test: api and files both at WireMock. */
  Connection connection;

  @BeforeAll
  static void startWireMock() {
    wm = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterAll
  static void stopWireMock() {
    wm.stop();
  }

  @BeforeEach
  void resetAndConnect() {
    wm.resetAll();
    connection = connect().build();
  }

  @AfterEach
  void closeConnection() {
    connection.close();
  }

  /**
   * A connection builder with both credentials and both servers pointed at WireMock. It makes one
   * attempt per request, so what WireMock receives is exactly what one call sends; the retry
   * policy has its own test ({@link RetriesTest}).
   */
  static Connection.Builder connect() {
    return connectWithRetries().maxRetries(0);
  }

  /** Like {@link #connect()}, with the runtime's default retry policy. */
  static Connection.Builder connectWithRetries() {
    return ToolCatalog.load().require("helpdesk").connection()
        .credential("api_key", API_KEY)
        .credential("files_key", FILES_KEY)
        .baseUrl("api", wm.baseUrl())
        .baseUrl("files", wm.baseUrl());
  }

  /** A builder with the real (https) servers and no override, for dry runs of host selection. */
  static Connection.Builder connectWithoutOverrides() {
    return ToolCatalog.load().require("helpdesk").connection()
        .credential("api_key", API_KEY)
        .credential("files_key", FILES_KEY);
  }

  /** Answers every request with {@code {"ok":true}}. */
  static void stubOk() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
  }

  /** Parses JSON written with single quotes for readability (values must not contain {@code '}). */
  static JsonNode j(String json) {
    try {
      return Json.MAPPER.readTree(json.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new AssertionError("bad test JSON: " + json, e);
    }
  }

  /** {@code equalToJson} with the object member order free but the content exact. */
  static StringValuePattern exactJson(String singleQuoted) {
    return equalToJson(j(singleQuoted).toString(), false, false);
  }

  Response invoke(String subtool, String singleQuotedArgs) {
    return connection.invoke(subtool, j(singleQuotedArgs));
  }

  /** The one request WireMock received, as received (raw URL, headers, body). */
  static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  /** The body of a received request as a JSON tree (explicit nulls and absences kept apart). */
  static JsonNode bodyOf(LoggedRequest request) {
    try {
      return Json.MAPPER.readTree(request.getBodyAsString());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
    }
  }

  /** A local port nothing listens on (it was free a moment ago), for connection failures. */
  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  static void assertNothingSent() {
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  /** Calls a subtool expecting invalid arguments, and checks that nothing reached the server. */
  InvalidInputException invalid(String subtool, String singleQuotedArgs) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> invoke(subtool, singleQuotedArgs));
    assertThat(e.kind()).isEqualTo("invalid_arguments");
    assertThat(e.nothingSent()).isTrue();
    assertNothingSent();
    return e;
  }

  /** The problems as {@code pointer: message} lines, for compact assertions. */
  static List<String> lines(InvalidInputException e) {
    return e.problems().stream().map(p -> p.pointer() + ": " + p.message())
        .collect(Collectors.toList());
  }

  static Problem problem(String pointer, String message) {
    return new Problem(pointer, message);
  }
}
