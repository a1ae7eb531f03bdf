package ai.phinite.tools.kustomer;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import org.junit.jupiter.api.Test;

/** Kustomer's org-wide budget and the search limit, declared so each connection keeps to them. */
class RateLimitsTest extends WireMockTestBase {
  private final ToolDescriptor d = ToolCatalog.load().require("kustomer").descriptor();

  @Test
  void oneConnectionKeepsWellInsideTheOrgBudget() {
    assertThat(d.json().path("servers").get(0).path("rateLimit").toString())
        .isEqualTo("{\"requests\":250,\"perSeconds\":60}");
  }

  @Test
  void searchesKeepToTheMachineUserLimit() {
    assertThat(d.subtool("search_customers").json().path("policy").path("rateLimit").toString())
        .isEqualTo("{\"requests\":100,\"perSeconds\":60}");
  }

  @Test
  void creationsAreNotRetriedAfterFailuresThatMayHaveReachedTheServer() {
    assertThat(d.subtool("create_customer").json().path("policy").path("retryFailures").asBoolean())
        .isFalse();
    assertThat(d.subtool("delete_customer").json().path("policy").path("retryFailures").asBoolean())
        .isTrue();
  }

  @Test
  void aConnectionWaitsForItsTurnUnlessDeclaredLimitsAreTurnedOff() throws Exception {
    wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/customers/search"))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"data\":[]}")));
    for (boolean declared : new boolean[] {true, false}) {
      java.util.List<java.time.Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
      ai.phinite.tools.runtime.ToolRuntime recording = ai.phinite.tools.runtime.ToolRuntime
          .builder().skipWaits().listener(call -> new ai.phinite.tools.runtime.CallListener.Observer() {
            @Override
            public void waiting(ai.phinite.tools.runtime.CallListener.Wait reason,
                java.time.Duration duration) {
              waits.add(duration);
            }
          }).build();
      ai.phinite.tools.runtime.Connection.Builder b = provider().connection()
          .credential("api_token", TOKEN).baseUrl("api", wireMock.baseUrl() + "/v1")
          .runtime(recording);
      if (!declared) {
        b.withoutDeclaredRateLimits();
      }
      try (ai.phinite.tools.runtime.Connection c = b.build()) {
        // 130 searches outrun 100 per minute unless each takes over 130 ms (a loaded machine)
        for (int i = 0; i < 130; i++) {
          c.invoke("search_customers", json("{'query': {'queryContext': 'customer'}}"));
        }
      }
      // searches past 100 in a minute wait their turn under the declared 100/min; not when off
      assertThat(waits.isEmpty()).isEqualTo(!declared);
      recording.close();
    }
  }
}
