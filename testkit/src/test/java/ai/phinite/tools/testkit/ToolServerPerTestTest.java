package ai.phinite.tools.testkit;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.CallListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension on an instance field: servers and runtime per test; the runtime's waits are
 * counted (a listener sees them) but not waited.
 */
class ToolServerPerTestTest {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @RegisterExtension
  final ToolServer notes = ToolServer.forTool("notes").credential("api_token", "t-1")
      .configureRuntime(runtime -> runtime.listener(call -> new CallListener.Observer() {
        @Override
        public void waiting(CallListener.Wait reason, Duration duration) {
          waits.add(duration);
        }
      }));

  @Test
  void aRetryAfterIsReportedToTheRuntimesListener_andTheRetryHappens() {
    notes.onRequest("GET", "/api/v2/notes/n1").respond(
        CannedResponse.status(503).withHeader("Retry-After", "7"), CannedResponse.json("{}"));

    assertThat(notes.call("get_note", "{'note_id': 'n1'}").status()).isEqualTo(200);

    notes.assertRequests(2).forEach(r -> r.method("GET").url("/api/v2/notes/n1"));
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void everyTestHasItsOwnRuntime_usedByItsConnections() {
    assertThat(notes.runtime().isClosed()).isFalse();
    try (var other = notes.connectionBuilder().credential("api_token", "t-2").build()) {
      other.invoke("get_note", TestJson.parse("{'note_id': 'n2'}"));
    }
    notes.assertOneRequest().header("Authorization", "Bearer t-2");
  }
}
