package ai.phinite.tools.kustomer;

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
}
