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
    // Answered in memory: the searches must outrun 100 a minute, which a loaded machine could
    // fail to do over a socket.
    ai.phinite.tools.runtime.Transport instant = new ai.phinite.tools.runtime.Transport() {
      @Override
      public java.util.concurrent.CompletableFuture<ai.phinite.tools.runtime.Response> send(
          ai.phinite.tools.runtime.PreparedRequest request, java.time.Duration timeout,
          long maxResponseBytes) {
        return java.util.concurrent.CompletableFuture.completedFuture(
            new ai.phinite.tools.runtime.Response(200, java.util.Map.of(), json("{'data': []}")));
      }

      @Override
      public void close() {}
    };
    for (boolean declared : new boolean[] {true, false}) {
      java.util.List<java.time.Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
      ai.phinite.tools.runtime.ToolRuntime recording = ai.phinite.tools.runtime.ToolRuntime
          .builder().skipWaits().transport(instant).listener(call -> new ai.phinite.tools.runtime.CallListener.Observer() {
            @Override
            public void waiting(ai.phinite.tools.runtime.CallListener.Wait reason,
                java.time.Duration duration) {
              waits.add(duration);
            }
          }).build();
      ai.phinite.tools.runtime.Connection.Builder b = provider().connection()
          .credential("api_token", TOKEN).runtime(recording);
      if (!declared) {
        b.withoutDeclaredRateLimits();
      }
      try (ai.phinite.tools.runtime.Connection c = b.build()) {
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
