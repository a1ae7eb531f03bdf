package ai.phinite.tools.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.RateLimit;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After, per-call timeouts and client-side rate limits, on a real local server. */
class SendingPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private WireMockServer server;
  private final List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Waits are reported and counted against the deadline, not waited; the clock stands still. */
  private ToolRuntime runtime;

  @BeforeEach
  void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
    runtime = ToolRuntime.builder().skipWaits().clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .listener(call -> new CallListener.Observer() {
          @Override
          public void waiting(CallListener.Wait reason, Duration duration) {
            slept.add(duration);
          }
        }).build();
  }

  @AfterEach
  void stop() {
    server.stop();
    runtime.close();
  }

  private Connection.Builder builder() {
    return new SampleProvider().connection().credential("token", "t0k3n")
        .baseUrl("api", server.baseUrl()).runtime(runtime);
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  private void failFirst(String method, int times, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
    var mapping = method.equals("GET") ? get(urlPathEqualTo("/items/a")) : post(urlPathEqualTo("/items"));
    String state = Scenario.STARTED;
    for (int i = 0; i < times; i++) {
      String next = "failed-" + (i + 1);
      server.stubFor((method.equals("GET") ? get(urlPathEqualTo("/items/a")) : post(urlPathEqualTo("/items")))
          .inScenario("s").whenScenarioStateIs(state).willReturn(failure).willSetStateTo(next));
      state = next;
    }
    server.stubFor(mapping.inScenario("s").whenScenarioStateIs(state).willReturn(okJson("{\"ok\":true}")));
  }

  @Test
  void rateLimitedCallIsRetriedAfterRetryAfterSeconds() throws Exception {
    failFirst("POST", 1, aResponse().withStatus(429).withHeader("Retry-After", "2"));
    try (Connection c = builder().build()) {
      assertThat(c.invoke("create_item", json("{\"name\":\"n\"}")).status()).isEqualTo(200);
    }
    server.verify(2, postRequestedFor(urlPathEqualTo("/items")));
    assertThat(slept).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterAsHttpDateAndRateLimitResetAreHonoured() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(5), ZoneOffset.UTC));
    failFirst("GET", 2, aResponse().withStatus(429).withHeader("Retry-After", date));
    try (Connection c = builder().build()) {
      c.invoke("get_item", json("{\"item_id\":\"a\"}"));
    }
    assertThat(slept).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));

    slept.clear();
    server.resetAll();
    failFirst("GET", 1, aResponse().withStatus(429).withHeader("x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 7)));
    try (Connection c = builder().build()) {
      c.invoke("get_item", json("{\"item_id\":\"a\"}"));
    }
    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void unavailableIsRetriedEvenForPost() throws Exception {
    failFirst("POST", 1, aResponse().withStatus(503));
    try (Connection c = builder().build()) {
      c.invoke("create_item", json("{\"name\":\"n\"}"));
    }
    server.verify(2, postRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void serverErrorOnPostIsNotRetried() throws Exception {
    server.stubFor(post(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"boom\"}")));
    try (Connection c = builder().build()) {
      HttpStatusException e = assertThrows(HttpStatusException.class,
          () -> c.invoke("create_item", json("{\"name\":\"n\"}")));
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(e).hasMessageThat().isEqualTo(
          "create_item failed: HTTP 500 Server Error: boom; retrying later is advisable");
    }
    server.verify(1, postRequestedFor(urlPathEqualTo("/items")));
    assertThat(slept).isEmpty();
  }

  @Test
  void serverErrorOnGetIsRetriedUpToTheLimit() throws Exception {
    server.stubFor(get(urlPathEqualTo("/items/a")).willReturn(aResponse().withStatus(500)));
    try (Connection c = builder().build()) {
      HttpStatusException e = assertThrows(HttpStatusException.class,
          () -> c.invoke("get_item", json("{\"item_id\":\"a\"}")));
      assertThat(e.attempts()).isEqualTo(4);
      assertThat(e).hasMessageThat().isEqualTo(
          "get_item failed: HTTP 500 Server Error (after 4 attempts); retrying later is advisable");
      assertThat(e.toJson().path("attempts").asInt()).isEqualTo(4);
    }
    server.verify(4, getRequestedFor(urlPathEqualTo("/items/a")));
    assertThat(slept).hasSize(3);
    for (Duration d : slept) {
      assertThat(d).isAtMost(Duration.ofSeconds(8));
    }
  }

  @Test
  void aWaitBeyondTheBudgetIsNotTaken() throws Exception {
    server.stubFor(get(urlPathEqualTo("/items/a")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    try (Connection c = builder().build()) {
      RateLimitedException e = assertThrows(RateLimitedException.class,
          () -> c.invoke("get_item", json("{\"item_id\":\"a\"}")));
      assertThat(e.kind()).isEqualTo("rate_limited");
      assertThat(e.nothingSent()).isFalse();
      assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
      assertThat(e).hasMessageThat().isEqualTo("get_item was refused by the server with HTTP 429"
          + " (rate limited); it asks to wait 60 s, longer than this call may still wait (30 s);"
          + " try again in 60 s");
    }
    server.verify(1, getRequestedFor(urlPathEqualTo("/items/a")));
    assertThat(slept).isEmpty();
  }

  @Test
  void connectionResetIsRetriedOnlyWhenIdempotent() throws Exception {
    failFirst("GET", 1, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    try (Connection c = builder().build()) {
      assertThat(c.invoke("get_item", json("{\"item_id\":\"a\"}")).status()).isEqualTo(200);
    }
    server.verify(2, getRequestedFor(urlPathEqualTo("/items/a")));

    server.resetAll();
    server.stubFor(post(urlPathEqualTo("/items")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (Connection c = builder().build()) {
      TransportException e = assertThrows(TransportException.class,
          () -> c.invoke("create_item", json("{\"name\":\"n\"}")));
      assertThat(e).hasMessageThat().contains("not retried: the request may have reached the server");
    }
    server.verify(1, postRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void perCallTimeout() throws Exception {
    server.stubFor(get(urlPathEqualTo("/items/a")).willReturn(okJson("{}").withFixedDelay(2000)));
    try (Connection c = builder().maxRetries(0).build()) {
      TransportException e = assertThrows(TransportException.class, () -> c.invoke("get_item",
          json("{\"item_id\":\"a\"}"), CallOptions.builder().attemptTimeout(Duration.ofMillis(200)).build()));
      assertThat(e).hasMessageThat().contains("within 200 ms");
    }
  }

  @Test
  void clientSideRateLimitSpacesRequestsAndRefusesBeyondTheBudget() throws Exception {
    server.stubFor(post(urlPathEqualTo("/items")).willReturn(okJson("{}")));
    try (Connection c = builder().rateLimit("api", new RateLimit(2, Duration.ofSeconds(10))).build()) {
      c.invoke("create_item", json("{\"name\":\"1\"}"));
      c.invoke("create_item", json("{\"name\":\"2\"}"));
      assertThat(slept).isEmpty(); // a burst up to the limit goes at once
      c.invoke("create_item", json("{\"name\":\"3\"}"));
      assertThat(slept).hasSize(1);
      assertThat(slept.get(0)).isGreaterThan(Duration.ofSeconds(4));
    }
    try (Connection c = builder().rateLimit("api", new RateLimit(1, Duration.ofSeconds(60))).build()) {
      c.invoke("create_item", json("{\"name\":\"1\"}"));
      RateLimitedException e = assertThrows(RateLimitedException.class,
          () -> c.invoke("create_item", json("{\"name\":\"2\"}")));
      assertThat(e.nothingSent()).isTrue();
      assertThat(e).hasMessageThat().startsWith(
          "create_item was not sent: this connection's rate limit for server api allows the next request in");
    }
    server.verify(4, postRequestedFor(urlPathEqualTo("/items")));
  }

  @Test
  void declaredLimitsCanBeTurnedOffOrReplaced() throws Exception {
    server.stubFor(post(urlPathEqualTo("/items")).willReturn(okJson("{}")));
    try (Connection c = builder().rateLimit("api", new RateLimit(1, Duration.ofSeconds(60)))
        .rateLimit("api", null).build()) {
      for (int i = 0; i < 5; i++) {
        c.invoke("create_item", json("{\"name\":\"n\"}"));
      }
    }
    assertThat(slept).isEmpty();
  }
}
