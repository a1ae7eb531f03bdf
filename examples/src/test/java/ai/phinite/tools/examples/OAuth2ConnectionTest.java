package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.Transport;
import ai.phinite.tools.runtime.internal.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import ai.phinite.tools.runtime.ToolRuntime;
import org.junit.jupiter.api.Test;

/**
 * How an OAuth2 connection is set up: the token URL template filled from the connection (a value
 * in its path stays one segment), token requests sent through the connection's own {@link Transport} with
 * the call's timeout, and overrides refused where they do not apply.
 */
class OAuth2ConnectionTest {
  /** Answers token requests with a token and API requests with 200, recording both. */
  static final class RecordingTransport implements Transport {
    final List<PreparedRequest> sent = new CopyOnWriteArrayList<>();
    final List<Duration> timeouts = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Response> send(PreparedRequest request, Duration timeout,
        long maxResponseBytes) {
      sent.add(request);
      timeouts.add(timeout);
      String body = request.url().endsWith("/token")
          ? "{\"access_token\":\"at-TRANSPORT-TOKEN-1\",\"token_type\":\"bearer\",\"expires_in\":600}"
          : "{\"ok\":true}";
      return CompletableFuture.completedFuture(new Response(200, Map.of(), Json.parse(body)));
    }

    @Override
    public void close() {}
  }

  private static Connection.Builder crm(String tenant) {
    return ToolCatalog.load().require("crm").connection().credential("tenant", tenant)
        .credential("client_id", "app").credential("client_secret", "cs-SECRET-TRANSPORT-9");
  }

  @Test
  void theTokenUrlIsFilledFromTheConnectionAndSentThroughItsTransport() {
    RecordingTransport transport = new RecordingTransport();
    try (ToolRuntime rt = ToolRuntime.builder().transport(transport).build();
        Connection c = crm("acme").runtime(rt).attemptTimeout(Duration.ofSeconds(7)).build()) {
      c.invoke("who_am_i", Json.parse("{}"));
    }

    assertThat(transport.sent).hasSize(2);
    PreparedRequest token = transport.sent.get(0);
    assertThat(token.url()).isEqualTo("https://login.crm.example/acme/oauth2/token");
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.toJson().get("body").asText())
        .isEqualTo("grant_type=client_credentials&scope=contacts.read+contacts.write");
    assertThat(token.toString()).doesNotContain("cs-SECRET-TRANSPORT-9");
    assertThat(transport.timeouts.get(0)).isEqualTo(Duration.ofSeconds(7));
    PreparedRequest api = transport.sent.get(1);
    assertThat(api.url()).isEqualTo("https://api.crm.example/v3/me");
    assertThat(api.header("Authorization").value()).isEqualTo("Bearer at-TRANSPORT-TOKEN-1");
    assertThat(api.toString()).doesNotContain("at-TRANSPORT-TOKEN-1");
  }

  @Test
  void aTenantInTheTokenPathStaysOneSegment() {
    RecordingTransport transport = new RecordingTransport();
    try (ToolRuntime rt = ToolRuntime.builder().transport(transport).build();
        Connection c = crm("evil.example/x?y").runtime(rt).build()) {
      c.invoke("who_am_i", Json.parse("{}"));
    }

    assertThat(transport.sent.get(0).url())
        .isEqualTo("https://login.crm.example/evil.example%2Fx%3Fy/oauth2/token");
  }

  @Test
  void aTokenUrlOverrideIsOnlyForOAuth2ServersAndPlainUrls() {
    InvalidInputException notOAuth2 = assertThrows(InvalidInputException.class,
        () -> ToolCatalog.load().require("payments").connection().credential("secret_key", "sk_x1")
            .tokenUrl("api", "http://127.0.0.1:1/token").build());
    assertThat(notOAuth2.problems().get(0).pointer()).isEqualTo("/tokenUrls/api");
    assertThat(notOAuth2.problems().get(0).message())
        .isEqualTo("is not an OAuth2 server of Payments (example)");

    InvalidInputException withUser = assertThrows(InvalidInputException.class,
        () -> crm("acme").tokenUrl("api", "http://user:pw@127.0.0.1:1/token").build());
    assertThat(withUser.problems().get(0).pointer()).isEqualTo("/servers/api");
  }
}
