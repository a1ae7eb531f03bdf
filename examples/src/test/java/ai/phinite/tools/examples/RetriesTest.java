package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.CallListener;
import ai.phinite.tools.runtime.ToolRuntime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime's default sending policy, seen on the wire: what is retried, how often, and what the
 * final error says. Waits are recorded instead of slept.
 */
class RetriesTest extends HelpdeskWireMockTest {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private Connection retrying;
  private ToolRuntime recording;

  @BeforeEach
  void openRetryingConnection() {
    recording = ToolRuntime.builder().skipWaits().listener(call -> new CallListener.Observer() {
      @Override
      public void waiting(CallListener.Wait reason, Duration duration) {
        waits.add(duration);
      }
    }).build();
    retrying = connectWithRetries().runtime(recording).build();
  }

  @AfterEach
  void closeRetryingConnection() {
    retrying.close();
    recording.close();
  }

  private static int requestCount() {
    return wm.findAll(anyRequestedFor(anyUrl())).size();
  }

  private static void failOnceThen(String url, int status, String retryAfter) {
    var failure = aResponse().withStatus(status);
    if (retryAfter != null) {
      failure.withHeader("Retry-After", retryAfter);
    }
    wm.stubFor(any(urlEqualTo(url)).inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(failure).willSetStateTo("recovered"));
    wm.stubFor(any(urlEqualTo(url)).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson("{\"ok\":true}")));
  }

  @Test
  void serviceUnavailableIsRetriedThenSucceeds() {
    failOnceThen("/tickets/T-1", 503, null);

    Response r = retrying.invoke("get_ticket", j("{'ticket_id':'T-1'}"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(requestCount()).isEqualTo(2);
    assertThat(waits).hasSize(1);
  }

  @Test
  void retryAfterIsHonoured() {
    failOnceThen("/tickets", 429, "2");

    retrying.invoke("create_ticket", j("{'subject':'s','requester_email':'a@b.co'}"));

    // 429 means the server did not process the request, so even a POST is sent again.
    assertThat(requestCount()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void serverErrorOnANonIdempotentPostIsNotRetried() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom")));

    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> retrying.invoke("create_ticket", j("{'subject':'s','requester_email':'a@b.co'}")));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(requestCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void serverErrorOnAnIdempotentCallIsRetriedUpToTheLimit() {
    wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom")));

    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> retrying.invoke("get_ticket", j("{'ticket_id':'T-1'}")));

    assertThat(e.attempts()).isEqualTo(4);
    assertThat(requestCount()).isEqualTo(4);
    assertThat(waits).hasSize(3);
    assertThat(e.serverMessage()).isEqualTo("boom");
    assertThat(e.getMessage()).isEqualTo("get_ticket failed: HTTP 500 Server Error: boom"
        + " (after 4 attempts); retrying later is advisable");
  }

  @Test
  void clientErrorsAreNeverRetried() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));

    assertThrows(HttpStatusException.class,
        () -> retrying.invoke("close_ticket", j("{'ticket_id':'T-1'}")));

    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void multiStepLookupIsRetriedLikeAnyGet() {
    failOnceThen("/contacts/C-1/tickets?limit=1&sort=-created", 502, null);
    wm.stubFor(any(urlEqualTo("/tickets/T-1/notes")).willReturn(okJson("{\"id\":\"N-1\"}")));
    wm.stubFor(get(urlEqualTo("/contacts/C-1/tickets?limit=1&sort=-created"))
        .inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(okJson("{\"data\":[{\"id\":\"T-1\"}]}")));

    Response r = retrying.invoke("add_ticket_note", j("{'contact_id':'C-1','text':'Hi'}"));

    assertThat(r.body()).isEqualTo(j("{'id':'N-1'}"));
    assertThat(requestCount()).isEqualTo(3);
  }
}
