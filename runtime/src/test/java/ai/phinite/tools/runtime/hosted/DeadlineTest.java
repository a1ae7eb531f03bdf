package ai.phinite.tools.runtime.hosted;

import static ai.phinite.tools.runtime.hosted.Hosted.args;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolRuntime;
import ai.phinite.tools.runtime.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One deadline per call, against servers that misbehave after the request: the deadline covers
 * the whole response body (JDK 17's own request timeout stops at the headers), a stall or a drip
 * fails as a transport error that names the deadline, and the exchange is aborted (the server
 * sees its connection closed). Every test has a generous outer bound, so a hang fails it.
 */
class DeadlineTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final ToolRuntime RUNTIME = ToolRuntime.builder().build();

  @AfterAll
  static void closeRuntime() {
    RUNTIME.close();
  }

  private static Connection connect(RawServer server, Duration deadline) {
    return Hosted.sample(server.baseUrl()).runtime(RUNTIME).deadline(deadline).build();
  }


  private static String deadlineMessage(RawServer server, String deadline) {
    return "get_item failed: no complete response came from " + server.baseUrl()
        + " within the call's deadline of " + deadline + " (the server may have stalled, or be"
        + " sending its answer too slowly); nothing further is sent";
  }

  @Test
  void headersThenStallFailsAtTheDeadline() throws Exception {
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"partial\":"));
      out.flush(); // and nothing more
    }); Connection c = connect(server, Duration.ofSeconds(2))) {
      TransportException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(TransportException.class, () -> c.invoke("get_item", args())));
      assertThat(e).hasMessageThat().isEqualTo(deadlineMessage(server, "2 s"));
      assertThat(e.kind()).isEqualTo("transport");
      assertThat(server.requests()).isEqualTo(1); // the deadline leaves no time to retry
      assertThat(server.awaitClientClosed(20)).isTrue(); // the exchange was aborted
    }
  }

  @Test
  void aServerDrippingOneByteAtATimeFailsAtTheDeadline() throws Exception {
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100000\r\n\r\n"));
      for (int i = 0; i < 100_000; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    }); Connection c = connect(server, Duration.ofMillis(1500))) {
      TransportException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(TransportException.class, () -> c.invoke("get_item", args())));
      assertThat(e).hasMessageThat().isEqualTo(deadlineMessage(server, "1.5 s"));
      assertThat(server.awaitClientClosed(20)).isTrue();
    }
  }

  @Test
  void aServerThatNeverAnswersFailsAtThePerCallDeadline() throws Exception {
    try (RawServer server = new RawServer((head, out) -> { });
        Connection c = connect(server, Duration.ofSeconds(40))) {
      TransportException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(TransportException.class, () -> c.invoke("get_item", args(),
              CallOptions.builder().deadline(Duration.ofMillis(800)).build())));
      assertThat(e).hasMessageThat().isEqualTo(deadlineMessage(server, "800 ms"));
      assertThat(server.awaitClientClosed(20)).isTrue();
    }
  }

  @Test
  void attemptTimeoutsFitInsideTheDeadline() throws Exception {
    // each attempt may take 300 ms; a GET is retried after a timeout, within the deadline
    try (RawServer server = new RawServer((head, out) -> { });
        Connection c = Hosted.sample(server.baseUrl()).runtime(RUNTIME).deadline(Duration.ofSeconds(3))
            .attemptTimeout(Duration.ofMillis(300)).maxRetries(100).build()) {
      TransportException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(TransportException.class, () -> c.invoke("get_item", args())));
      // retried after each timed-out attempt while a backoff still fits in the deadline; the
      // last attempt's failure is the call's
      assertThat(e).hasMessageThat().startsWith("get_item failed: no complete response from "
          + server.baseUrl() + " within 300 ms (the attempt timeout) (after ");
      assertThat(e.attempts()).isAtLeast(2);
      assertThat(server.requests()).isAtLeast(2);
    }
  }

  @Test
  void asyncCallsFailAtTheDeadlineToo() throws Exception {
    try (RawServer server = new RawServer((head, out) -> {
      out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{"));
      out.flush();
    }); Connection c = connect(server, Duration.ofSeconds(1))) {
      Throwable e = assertTimeoutPreemptively(HANG, () -> assertThrows(
          java.util.concurrent.ExecutionException.class,
          () -> c.invokeAsync("get_item", args()).get())).getCause();
      assertThat(e).isInstanceOf(TransportException.class);
      assertThat(e).hasMessageThat().isEqualTo(deadlineMessage(server, "1 s"));
    }
  }
}
