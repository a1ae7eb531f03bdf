package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.phinite.tools.examples.OAuth2Servers.Received;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.ToolRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth2 client credentials ({@link CrmTool}) against a real OAuth2 server: the token request,
 * caching, renewal before expiry and after a 401, one token request for 50 concurrent callers, and
 * tokens kept out of dry runs, errors and {@code toString}.
 */
class OAuth2ClientCredentialsTest {
  static final String CLIENT_ID = "crm-app";
  static final String CLIENT_SECRET = "cs-CLIENT-SECRET-4d21";

  OAuth2Servers servers;
  MutableClock clock;
  ToolRuntime runtime;
  Connection connection;

  /** A clock the test moves forward instead of waiting. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() throws Exception {
    servers = new OAuth2Servers("crm", false);
    clock = new MutableClock();
    runtime = ToolRuntime.builder().clock(clock).build();
    connection = connect().build();
  }

  @AfterEach
  void stop() {
    connection.close();
    runtime.close();
    servers.close();
  }

  Connection.Builder connect() {
    return ToolCatalog.load().require("crm").connection()
        .credential("tenant", "acme").credential("client_id", CLIENT_ID)
        .credential("client_secret", CLIENT_SECRET)
        .baseUrl("api", servers.baseUrl()).tokenUrl("api", servers.tokenUrl())
        .runtime(runtime).maxRetries(0);
  }

  private Response call(String subtool, String json) {
    return connection.invoke(subtool, Json.parse(json.replace('\'', '"')));
  }

  private static String form(RecordedRequest r) {
    return r.getBody().readString(StandardCharsets.UTF_8);
  }

  @Test
  void theTokenRequestUsesTheGrantScopesAndBasicClientAuthentication() {
    Response r = call("who_am_i", "{}");

    assertThat(r.status()).isEqualTo(200);
    List<RecordedRequest> tokenRequests = servers.takeTokenRequests();
    assertThat(tokenRequests).hasSize(1);
    RecordedRequest t = tokenRequests.get(0);
    assertThat(t.getMethod()).isEqualTo("POST");
    assertThat(t.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form(t)).isEqualTo("grant_type=client_credentials&scope=contacts.read+contacts.write");
    assertThat(t.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
    Received api = servers.received().get(0);
    assertThat(api.uri()).isEqualTo("/me");
    assertThat(api.header("Authorization")).startsWith("Bearer ey");
    // constant headers: tool level, and the server's Accept in place of application/json
    assertThat(api.header("X-Api-Version")).isEqualTo("2024-06-01");
    assertThat(api.header("Accept")).isEqualTo("application/vnd.crm+json");
  }

  @Test
  void theTokenIsCachedAcrossCalls() {
    call("who_am_i", "{}");
    call("search_contacts", "{}");
    call("who_am_i", "{}");

    assertThat(servers.takeTokenRequests()).hasSize(1);
    Set<String> tokens = new HashSet<>();
    servers.received().forEach(r -> tokens.add(r.token()));
    assertThat(tokens).hasSize(1);
  }

  @Test
  void aTokenIsRenewedShortlyBeforeItExpires() {
    call("who_am_i", "{}");
    clock.advance(Duration.ofSeconds(3000)); // the server's tokens live 3600 s
    call("who_am_i", "{}");
    assertThat(servers.takeTokenRequests()).hasSize(1);

    clock.advance(Duration.ofSeconds(570)); // within its last minute: renewed before use
    call("who_am_i", "{}");

    assertThat(servers.takeTokenRequests()).hasSize(1);
    List<Received> api = servers.received();
    assertThat(api.get(2).token()).isNotEqualTo(api.get(1).token());
    assertThat(api.get(0).token()).isEqualTo(api.get(1).token());
  }

  @Test
  void aRefusedTokenIsRenewedOnceAndTheRequestSentAgain() {
    call("who_am_i", "{}");
    String first = servers.received().get(0).token();
    servers.revoke(first);

    Response r = call("search_contacts", "{'tags':['vip']}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(servers.takeTokenRequests()).hasSize(2);
    List<Received> api = servers.received();
    assertThat(api).hasSize(3);
    assertThat(api.get(1).token()).isEqualTo(first);
    assertThat(api.get(2).token()).isNotEqualTo(first);
    assertThat(api.get(2).uri()).isEqualTo("/contacts?tag=vip");
  }

  @Test
  void aSecond401IsTheCallersAnswer() {
    servers.refuseAll();

    HttpStatusException e = assertThrows(HttpStatusException.class, () -> call("who_am_i", "{}"));

    assertThat(e.status()).isEqualTo(401);
    assertThat(servers.received()).hasSize(2); // the first token, then one renewed token
    assertThat(servers.takeTokenRequests()).hasSize(2);
    assertThat(e.getMessage()).doesNotContain(servers.received().get(1).token());
  }

  @Test
  void fiftyConcurrentCallersShareOneTokenRequest() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      ExecutorService pool = Executors.newFixedThreadPool(50);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          calls.add(pool.submit(() -> {
            go.await();
            return call("who_am_i", "{}").status();
          }));
        }
        go.countDown();
        for (Future<Integer> f : calls) {
          assertThat(f.get()).isEqualTo(200);
        }
      } finally {
        pool.shutdownNow();
      }
    });

    assertThat(servers.takeTokenRequests()).hasSize(1);
    assertThat(servers.received()).hasSize(50);
    assertThat(servers.received().stream().map(Received::token).distinct().count()).isEqualTo(1);
  }

  @Test
  void constantHeadersQueryListsAndExplicitNullsOnTheWire() {
    call("search_contacts", "{'ids':['c1','c,2'],'tags':['a','b'],'properties':['email','phone']}");
    call("update_contact", "{'contact_id':'c1','phone':null,'company_name':'Acme','stage':null,"
        + "'address':{'street':null,'city':'Berlin'},'if_match':'v7'}");
    call("update_contact", "{'contact_id':'c1','note':'hi','phone':'+49 30 1234'}");
    call("export_contact", "{'contact_id':'c1'}");

    List<Received> api = servers.received();
    assertThat(api.get(0).uri())
        .isEqualTo("/contacts?ids=c1,c%2C2&tag=a&tag=b&properties=email,phone");
    assertThat(Json.parse(api.get(1).body())).isEqualTo(Json.parse(
        ("{'phone':null,'company':{'name':'Acme'},'stage':null,"
            + "'address':{'street':null,'city':'Berlin'}}").replace('\'', '"')));
    assertThat(api.get(1).header("If-Match")).isEqualTo("v7");
    assertThat(api.get(1).header("Content-Type")).isEqualTo("application/json");
    assertThat(Json.parse(api.get(2).body())).isEqualTo(Json.parse(
        "{\"phone\":\"+49 30 1234\",\"note\":\"hi\"}"));
    assertThat(api.get(3).header("Accept")).isEqualTo("text/vcard");
    assertThat(api.get(3).header("X-Api-Version")).isEqualTo("2024-06-01");
  }

  @Test
  void theTypedClientTellsNullFromLeftOut() {
    CrmTool crm = connection.client(CrmTool.class);
    crm.updateContact("c1", java.util.Optional.empty(), null, null,
        java.util.Optional.of(new CrmTool.Address(null, java.util.Optional.empty(), "DE")), null, null);
    crm.searchContacts(new String[] {"x", "y"}, List.of(), null);

    List<Received> api = servers.received();
    assertThat(Json.parse(api.get(0).body())).isEqualTo(Json.parse(
        "{\"phone\":null,\"address\":{\"city\":null,\"country\":\"DE\"}}"));
    assertThat(api.get(1).uri()).isEqualTo("/contacts?ids=x,y");
  }

  @Test
  void dryRunsShowAMaskedAuthorizationAndFetchNothing() {
    PreparedRequest p = connection.dryRun("update_contact",
        Json.parse("{\"contact_id\":\"c1\",\"phone\":null}"));

    assertThat(p.header("Authorization").shown()).isEqualTo("***");
    assertThat(p.toJson().at("/headers/Authorization").asText()).isEqualTo("***");
    assertThat(p.toJson().get("body")).isEqualTo(Json.parse("{\"phone\":null}"));
    assertThat(servers.takeTokenRequests()).isEmpty();
    assertThat(servers.received()).isEmpty();
    assertThat(connection.toString()).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void aServerEchoingTheTokenDoesNotLeakIt() {
    connection.close();
    connection = connect().build();
    CrmTool crm = connection.client(CrmTool.class);
    crm.whoAmI();
    String token = servers.received().get(0).token();

    // export_contact's path with a contact id "x" under /echo is not declared: call the server
    // that quotes credentials through a base URL pointing at its /echo prefix
    connection.close();
    connection = connect().baseUrl("api", servers.baseUrl() + "/echo").build();
    HttpStatusException e = assertThrows(HttpStatusException.class, () -> call("who_am_i", "{}"));

    String newToken = servers.received().get(1).token();
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.getMessage()).contains("token *** may not do this");
    assertThat(e.getMessage()).doesNotContain(newToken);
    assertThat(e.toJson().toString()).doesNotContain(newToken);
    assertThat(e.response().body().toString()).doesNotContain(newToken);
    assertThat(token).isNotEmpty();
  }

  @Test
  void theDescriptorNamesCredentialsNeverValues() {
    JsonNode auth = connection.tool().json().at("/servers/0/auth");
    assertThat(auth.get("type").asText()).isEqualTo("oauth2");
    assertThat(auth.get("clientSecret").asText()).isEqualTo("client_secret");
    assertThat(connection.tool().json().toString()).doesNotContain(CLIENT_SECRET);
  }
}
