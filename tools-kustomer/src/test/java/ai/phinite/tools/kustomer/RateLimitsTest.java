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
      java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();
      ai.phinite.tools.runtime.Connection.Builder b = provider().connection()
          .credential("api_token", TOKEN).baseUrl("api", wireMock.baseUrl() + "/v1")
          .sleeper(waits::add, java.time.Clock.systemUTC());
      if (!declared) {
        b.withoutDeclaredRateLimits();
      }
      try (ai.phinite.tools.runtime.Connection c = b.build()) {
        for (int i = 0; i < 101; i++) {
          c.invoke("search_customers", json("{'query': {'queryContext': 'customer'}}"));
        }
      }
      // the 101st search of a minute waits its turn under the declared 100/min; not when off
      assertThat(waits.isEmpty()).isEqualTo(!declared);
    }
  }
}
