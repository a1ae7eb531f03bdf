package ai.phinite.tools.runtime.hosted;

import static ai.phinite.tools.runtime.hosted.Hosted.args;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.RateLimitedException;
import ai.phinite.tools.runtime.ToolRuntime;
import ai.phinite.tools.runtime.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outcomes that tell the truth: a redirect is a typed non-success and is not followed (so the
 * credentials go nowhere else), a response over the size limit is not retried and says why, and
 * absurd waits asked by a server fail at once as {@code rate_limited} without any overflow.
 */
class OutcomesTest {
  private static final Duration HANG = Duration.ofSeconds(30);
  private static final ToolRuntime RUNTIME = ToolRuntime.builder().build();

  @AfterAll
  static void closeRuntime() {
    RUNTIME.close();
  }

  private static Connection connect(RawServer server) {
    return Hosted.sample(server.baseUrl()).runtime(RUNTIME).build();
  }


  private static RawServer answering(String response) throws Exception {
    return new RawServer((head, out) -> {
      out.write(RawServer.ascii(response));
      out.flush();
    });
  }

  @Test
  void aRedirectIsATypedFailureAndIsNotFollowed() throws Exception {
    try (RawServer elsewhere = answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        RawServer server = answering("HTTP/1.1 302 Found\r\nLocation: " + elsewhere.baseUrl()
            + "/steal\r\nContent-Length: 0\r\n\r\n");
        Connection c = connect(server)) {
      HttpStatusException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(HttpStatusException.class, () -> c.invoke("get_item", args())));
      assertThat(e.kind()).isEqualTo("redirect");
      assertThat(e.status()).isEqualTo(302);
      assertThat(e).hasMessageThat().isEqualTo("get_item failed: HTTP 302 redirect to "
          + elsewhere.baseUrl() + "/steal, not followed (the runtime never sends a connection's"
          + " credentials to another address); check the connection's base URL");
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(server.requests()).isEqualTo(1);
      assertThat(elsewhere.requests()).isEqualTo(0);
      assertThat(server.heads().get(0)).contains("Authorization: Bearer t0k3n-secret");
    }
  }

  @Test
  void aResponseTooLargeIsNotRetried() throws Exception {
    String big = "[" + "1,".repeat(3000) + "1]";
    try (RawServer server = answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + big.length() + "\r\n\r\n" + big);
        Connection c = Hosted.sample(server.baseUrl()).runtime(RUNTIME).maxResponseBytes(1024).build()) {
      TransportException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(TransportException.class, () -> c.invoke("get_item", args())));
      assertThat(e).hasMessageThat().isEqualTo("get_item failed: the response is larger than"
          + " 1024 bytes, the most this connection accepts; not retried, since the same request"
          + " would get the same answer: ask for less (a smaller page, fewer items or fields)");
      assertThat(e.retryable()).isFalse();
      assertThat(e.attempts()).isEqualTo(1);
      assertThat(server.requests()).isEqualTo(1); // get_item is idempotent: others are retried
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Retry-After: 99999999999999",
      "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT",
      "x-ratelimit-reset: 1e300",
      "Retry-After: 1e308"})
  void absurdWaitsFailAtOnceAsRateLimited(String header) throws Exception {
    try (RawServer server = answering("HTTP/1.1 429 Too Many Requests\r\n" + header
        + "\r\nContent-Length: 0\r\n\r\n"); Connection c = connect(server)) {
      RateLimitedException e = assertTimeoutPreemptively(HANG,
          () -> assertThrows(RateLimitedException.class, () -> c.invoke("get_item", args())));
      assertThat(e.kind()).isEqualTo("rate_limited");
      assertThat(e.retryAfter()).isAtLeast(Duration.ofDays(365));
      assertThat(e).hasMessageThat().startsWith("get_item was refused by the server with HTTP"
          + " 429 (rate limited); it asks to wait ");
      assertThat(e.toJson().path("retryAfterSeconds").asLong()).isGreaterThan(86_400L * 365);
      assertThat(server.requests()).isEqualTo(1);
    }
  }
}
