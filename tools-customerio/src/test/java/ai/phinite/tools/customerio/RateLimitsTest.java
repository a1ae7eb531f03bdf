package ai.phinite.tools.customerio;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The contract's rate limits, declared so every connection keeps to them by itself. */
class RateLimitsTest {
  private final ToolDescriptor d = ToolCatalog.load().require("customerio").descriptor();

  private JsonNode policy(String subtool) {
    return d.subtool(subtool).json().path("policy");
  }

  @Test
  void theAppApiIsLimitedToTenRequestsASecond() {
    assertThat(d.json().path("servers").get(1).path("id").asText()).isEqualTo("app");
    assertThat(d.json().path("servers").get(1).path("rateLimit").toString())
        .isEqualTo("{\"requests\":10,\"perSeconds\":1}");
    assertThat(d.json().path("servers").get(0).has("rateLimit")).isFalse();
  }

  @Test
  void broadcastTriggersAreOnePerTenSecondsAndTransactionalSendsAHundredASecond() {
    assertThat(policy("trigger_broadcast").path("rateLimit").toString())
        .isEqualTo("{\"requests\":1,\"perSeconds\":10}");
    assertThat(policy("trigger_broadcast").path("maxWaitSeconds").asInt()).isEqualTo(60);
    assertThat(policy("send_transactional_email").path("rateLimit").toString())
        .isEqualTo("{\"requests\":100,\"perSeconds\":1}");
    assertThat(policy("send_transactional_push").path("rateLimit").toString())
        .isEqualTo("{\"requests\":100,\"perSeconds\":1}");
  }

  @Test
  void failuresAreRetriedOnlyWhereRepeatingIsHarmless() {
    assertThat(policy("list_segments").path("retryFailures").asBoolean()).isTrue();
    assertThat(policy("identify_customer").path("retryFailures").asBoolean()).isTrue();
    assertThat(policy("track_event").path("retryFailures").asBoolean()).isFalse();
    assertThat(policy("trigger_broadcast").path("retryFailures").asBoolean()).isFalse();
    assertThat(policy("send_transactional_email").path("retryFailures").asBoolean()).isFalse();
  }
}
