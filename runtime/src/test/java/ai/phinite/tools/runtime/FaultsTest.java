package ai.phinite.tools.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real faults from a real server (WireMock): broken responses end in the runtime's typed errors,
 * never a parse crash, and a broken response to a POST is not sent again.
 */
class FaultsTest {
  private static final ToolRuntime RUNTIME = ToolRuntime.builder().skipWaits().build();

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private Connection.Builder builder() {
    return new SampleProvider().connection().credential("token", "t0k3n")
        .baseUrl("api", server.baseUrl()).runtime(RUNTIME);
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void emptyResponseIsATransportErrorRetriedOnlyForIdempotentCalls() throws Exception {
    server.stubFor(get(urlPathEqualTo("/items/a")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    server.stubFor(post(urlPathEqualTo("/items")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (Connection c = builder().build()) {
      TransportException get = assertThrows(TransportException.class,
          () -> c.invoke("get_item", json("{\"item_id\":\"a\"}")));
      assertThat(get.attempts()).isEqualTo(4);
      assertThat(get).hasMessageThat().endsWith("(after 4 attempts; retrying later is advisable)");
      TransportException post = assertThrows(TransportException.class,
          () -> c.invoke("create_item", json("{\"name\":\"n\"}")));
      assertThat(post.attempts()).isEqualTo(1);
    }
    // The JDK client itself re-sends an idempotent GET once when a connection closes with no
    // answer at all, so each of the 4 attempts may reach the server twice; it never re-sends a
    // POST (jdk.httpclient.enableAllMethodRetry is off), which is what must hold.
    int gets = server.findAll(getRequestedFor(urlPathEqualTo("/items/a"))).size();
    assertThat(gets).isAtLeast(4);
    assertThat(gets).isAtMost(8);
    server.verify(1, postRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void malformedChunkIsATransportError() throws Exception {
    server.stubFor(post(urlPathEqualTo("/items"))
        .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    try (Connection c = builder().build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> c.invoke("create_item", json("{\"name\":\"n\"}")));
      assertThat(e.kind()).isEqualTo("transport");
      assertThat(e).hasMessageThat().startsWith("create_item failed: ");
    }
    server.verify(1, postRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void malformedJsonBodyIsKeptAsText() throws Exception {
    server.stubFor(get(urlPathEqualTo("/items/a")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"a\", oops")));
    try (Connection c = builder().build()) {
      Response r = c.invoke("get_item", json("{\"item_id\":\"a\"}"));
      assertThat(r.body().isTextual()).isTrue();
      assertThat(r.body().asText()).isEqualTo("{\"id\": \"a\", oops");
    }
  }

  @Test
  void emptySuccessIsSuccessAndTextStaysText() throws Exception {
    server.stubFor(post(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(204)));
    server.stubFor(get(urlPathEqualTo("/items/a")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain").withBody("plain words")));
    try (Connection c = builder().build()) {
      Response created = c.invoke("create_item", json("{\"name\":\"n\"}"));
      assertThat(created.status()).isEqualTo(204);
      assertThat(created.body().isNull()).isTrue();
      assertThat(c.invoke("get_item", json("{\"item_id\":\"a\"}")).body().asText())
          .isEqualTo("plain words");
    }
  }

  @Test
  void aResponseOverTheSizeLimitIsRefused() throws Exception {
    server.stubFor(get(urlPathEqualTo("/items/a")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("[" + "1,".repeat(5000) + "1]")));
    try (Connection c = builder().maxResponseBytes(1024).maxRetries(0).build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> c.invoke("get_item", json("{\"item_id\":\"a\"}")));
      assertThat(e).hasMessageThat().startsWith(
          "get_item failed: the response is larger than 1024 bytes");
    }
  }
}
