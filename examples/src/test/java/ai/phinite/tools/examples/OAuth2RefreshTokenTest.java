package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.examples.OAuth2ClientCredentialsTest.MutableClock;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.TokenException;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.ToolRuntime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth2 refresh-token grant ({@link MailboxTool}) against a real OAuth2 server that rotates
 * refresh tokens: every rotation reaches the application before the new access token is used, a
 * failed hand-over is offered again, a given access token is used first, and a refused refresh
 * token is a clear error that quotes no secret.
 */
class OAuth2RefreshTokenTest {
  static final String CLIENT_SECRET = "mcs-MAIL-SECRET-77a0";
  static final String INITIAL_REFRESH = "rt-INITIAL-REFRESH-0001";

  /** One hand-over: the new token and how many API requests had been made at that moment. */
  record Rotation(String server, String key, String token, int apiRequestsBefore) {}

  OAuth2Servers servers;
  MutableClock clock = new MutableClock();
  ToolRuntime runtime = ToolRuntime.builder().clock(clock).build();
  final List<Rotation> rotations = new CopyOnWriteArrayList<>();
  final AtomicBoolean storeFails = new AtomicBoolean();
  Connection connection;

  @BeforeEach
  void start() throws Exception {
    servers = new OAuth2Servers("mailbox", true);
  }

  @AfterEach
  void stop() {
    if (connection != null) {
      connection.close();
    }
    runtime.close();
    servers.close();
  }

  Connection.Builder connect(String refreshToken) {
    return ToolCatalog.load().require("mailbox").connection()
        .credential("client_id", "mail-app").credential("client_secret", CLIENT_SECRET)
        .credential("refresh_token", refreshToken)
        .baseUrl("api", servers.baseUrl()).tokenUrl("api", servers.tokenUrl())
        .runtime(runtime).maxRetries(0)
        .onRefreshTokenRotated((server, key, token) -> {
          if (storeFails.get()) {
            throw new java.io.IOException("vault unavailable");
          }
          rotations.add(new Rotation(server, key, token, servers.received().size()));
        });
  }

  /** Lets the server accept the connection's first refresh token (issued "earlier"). */
  void acceptInitialRefreshToken() {
    servers.auth.enqueueCallback(new DefaultOAuth2TokenCallback("mailbox", "user-1"));
  }

  private void call() {
    assertThat(connection.invoke("list_messages", Json.parse("{\"top\":5}")).status()).isEqualTo(200);
  }

  private static String form(RecordedRequest r) {
    return r.getBody().readString(StandardCharsets.UTF_8);
  }

  @Test
  void everyRotationReachesTheApplicationBeforeTheNewTokenIsUsed() {
    acceptInitialRefreshToken();
    connection = connect(INITIAL_REFRESH).build();

    call();

    List<RecordedRequest> first = servers.takeTokenRequests();
    assertThat(first).hasSize(1);
    assertThat(form(first.get(0))).isEqualTo("grant_type=refresh_token&refresh_token="
        + INITIAL_REFRESH + "&client_id=mail-app&client_secret=" + CLIENT_SECRET);
    assertThat(first.get(0).getHeader("Authorization")).isNull(); // client_secret_post
    assertThat(rotations).hasSize(1);
    Rotation r1 = rotations.get(0);
    assertThat(r1.server()).isEqualTo("api");
    assertThat(r1.key()).isEqualTo("refresh_token");
    assertThat(r1.token()).isNotEqualTo(INITIAL_REFRESH);
    assertThat(r1.apiRequestsBefore()).isEqualTo(0);
    assertThat(servers.received().get(0).uri()).isEqualTo("/messages?top=5");

    clock.advance(Duration.ofHours(2)); // the access token expired: refresh with the rotated token
    call();

    List<RecordedRequest> second = servers.takeTokenRequests();
    assertThat(second).hasSize(1);
    assertThat(form(second.get(0))).contains("refresh_token=" + r1.token() + "&");
    assertThat(rotations).hasSize(2);
    assertThat(rotations.get(1).token()).isNotEqualTo(r1.token());
    assertThat(rotations.get(1).apiRequestsBefore()).isEqualTo(1);
    assertThat(servers.received()).hasSize(2);
  }

  @Test
  void aRotationTheApplicationCouldNotStoreIsOfferedAgainAndNothingIsSentMeanwhile() {
    acceptInitialRefreshToken();
    connection = connect(INITIAL_REFRESH).build();
    storeFails.set(true);

    TokenException e = assertThrows(TokenException.class, this::call);

    assertThat(e.kind()).isEqualTo("token_error");
    assertThat(e.nothingSent()).isTrue();
    assertThat(e.getMessage()).isEqualTo("The OAuth2 refresh token of server api was rotated, but"
        + " the application could not store the new one (IOException); nothing was sent, and it"
        + " will be offered again on the next call");
    assertThat(servers.received()).isEmpty();
    assertThat(servers.takeTokenRequests()).hasSize(1);

    storeFails.set(false);
    call();

    assertThat(rotations).hasSize(1);
    assertThat(rotations.get(0).apiRequestsBefore()).isEqualTo(0);
    assertThat(servers.takeTokenRequests()).isEmpty(); // the token that came with it is used
    assertThat(servers.received()).hasSize(1);
    assertThat(e.getMessage()).doesNotContain(rotations.get(0).token());
  }

  @Test
  void aGivenAccessTokenIsUsedUntilRefused() {
    String accessToken = servers.auth.issueToken("mailbox", "mail-app",
        new DefaultOAuth2TokenCallback("mailbox", "user-1")).serialize();
    acceptInitialRefreshToken();
    connection = connect(INITIAL_REFRESH).credential("access_token", accessToken).build();

    call();
    assertThat(servers.takeTokenRequests()).isEmpty();
    assertThat(servers.received().get(0).token()).isEqualTo(accessToken);

    servers.revoke(accessToken);
    call();

    assertThat(servers.takeTokenRequests()).hasSize(1);
    assertThat(servers.received()).hasSize(3);
    assertThat(servers.received().get(2).token()).isNotEqualTo(accessToken);
    assertThat(rotations).hasSize(1);
  }

  @Test
  void aRefusedRefreshTokenIsAClearErrorWithoutSecrets() {
    connection = connect("rt-REVOKED-REFRESH-9999").build(); // the server does not know it

    TokenException e = assertThrows(TokenException.class, this::call);

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(e.getMessage()).startsWith("The OAuth2 token endpoint of server api refused the"
        + " refresh token grant: HTTP 400 invalid_grant");
    assertThat(e.getMessage()).endsWith("; the refresh token was revoked, expired or already"
        + " used: authorize the connection again and save its new refresh token");
    assertThat(e.toJson().toString()).doesNotContain("rt-REVOKED-REFRESH-9999");
    assertThat(e.toJson().toString()).doesNotContain(CLIENT_SECRET);
    assertThat(servers.received()).isEmpty();
    assertThat(rotations).isEmpty();
  }

  @Test
  void theConnectionTestNamesTheRefreshToken() {
    acceptInitialRefreshToken();
    connection = connect(INITIAL_REFRESH).build();

    var report = connection.test();

    assertThat(report.checks()).hasSize(1);
    assertThat(report.checks().get(0).passed()).isTrue();
    assertThat(report.checks().get(0).credentials())
        .containsExactly("client_id", "client_secret", "refresh_token", "access_token").inOrder();
  }
}
