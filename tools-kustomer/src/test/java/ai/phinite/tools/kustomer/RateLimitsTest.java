package ai.phinite.tools.kustomer;

import static ai.phinite.tools.kustomer.KustomerServerTest.TOKEN;
import static ai.phinite.tools.kustomer.KustomerServerTest.json;
import static ai.phinite.tools.kustomer.KustomerServerTest.provider;
import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import org.junit.jupiter.api.Test;

/** Kustomer's org-wide budget and the search limit, declared so each connection keeps to them. */
class RateLimitsTest {
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
    // Answered in memory: the 101 searches must fall inside one 0.6 s spacing of the declared
    // 100/min limit, which a loaded machine could miss over a socket.
    ai.phinite.tools.runtime.Transport instant = new ai.phinite.tools.runtime.Transport() {
      @Override
      public ai.phinite.tools.runtime.Response send(
          ai.phinite.tools.runtime.PreparedRequest request, java.time.Duration timeout) {
        return new ai.phinite.tools.runtime.Response(200, java.util.Map.of(), json("{'data': []}"));
      }

      @Override
      public void close() {}
    };
    for (boolean declared : new boolean[] {true, false}) {
      java.util.List<java.time.Duration> waits = new java.util.ArrayList<>();
      ai.phinite.tools.runtime.Connection.Builder b = provider().connection()
          .credential("api_token", TOKEN).transport(instant)
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
