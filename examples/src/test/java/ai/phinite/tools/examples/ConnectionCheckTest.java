package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ConnectionTestReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Connection.test()}: one check per credential set, each reported on its own. */
class ConnectionCheckTest extends HelpdeskWireMockTest {
  private static final String API_LABEL = "Help-desk API key (api_key)";

  private static void meAnswers(int status, String body) {
    wm.stubFor(get(urlEqualTo("/me")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static void pingAnswers(int status, String body) {
    wm.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void bothChecksPass() {
    meAnswers(200, "{\"id\":\"agent-1\"}");
    pingAnswers(200, "{\"ok\":true}");

    ConnectionTestReport report = connection.test();

    assertThat(report.passed()).isTrue();
    assertThat(report.tool()).isEqualTo("helpdesk");
    assertThat(report.checks()).containsExactly(
        new ConnectionTestReport.Check(API_LABEL, "who_am_i", "api", List.of("api_key"), true,
            200, "ok"),
        new ConnectionTestReport.Check("files_key", "ping_files", "files", List.of("files_key"),
            true, 200, "ok")).inOrder();
    assertThat(report.toJson()).isEqualTo(j("{'tool':'helpdesk','passed':true,'checks':["
        + "{'label':'Help-desk API key (api_key)','operation':'who_am_i','server':'api',"
        + "'credentials':['api_key'],'passed':true,'status':200,'message':'ok'},"
        + "{'label':'files_key','operation':'ping_files','server':'files',"
        + "'credentials':['files_key'],'passed':true,'status':200,'message':'ok'}]}"));
    wm.verify(getRequestedFor(urlEqualTo("/me"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("X-Files-Key", absent()));
    wm.verify(getRequestedFor(urlEqualTo("/ping"))
        .withHeader("X-Files-Key", equalTo(FILES_KEY))
        .withHeader("Authorization", absent()));
  }

  @Test
  void failingFilesKeyIsReportedWithTheServersMessage() {
    meAnswers(200, "{\"id\":\"agent-1\"}");
    pingAnswers(401, "{\"message\":\"Invalid files key\"}");

    ConnectionTestReport report = connection.test();

    assertThat(report.passed()).isFalse();
    assertThat(report.checks().get(0).passed()).isTrue();
    ConnectionTestReport.Check files = report.checks().get(1);
    assertThat(files.passed()).isFalse();
    assertThat(files.label()).isEqualTo("files_key");
    assertThat(files.credentials()).containsExactly("files_key");
    assertThat(files.status()).isEqualTo(401);
    assertThat(files.message()).isEqualTo("ping_files failed: HTTP 401 Unauthorized"
        + " (check the connection's credentials): Invalid files key");
    ObjectNode expected = (ObjectNode) j("{'tool':'helpdesk','passed':false,'checks':["
        + "{'label':'Help-desk API key (api_key)','operation':'who_am_i','server':'api',"
        + "'credentials':['api_key'],'passed':true,'status':200,'message':'ok'},"
        + "{'label':'files_key','operation':'ping_files','server':'files',"
        + "'credentials':['files_key'],'passed':false,'status':401,'message':'?'}]}");
    ((ObjectNode) expected.get("checks").get(1)).put("message", files.message());
    assertThat(report.toJson()).isEqualTo(expected);
    assertThat(report.toJson().toString()).doesNotContain(FILES_KEY);
  }

  @Test
  void failingApiKeyDoesNotHideThePassingFilesKey() {
    meAnswers(403, "{\"errors\":[{\"code\":\"forbidden\",\"message\":\"Agent is suspended\"}]}");
    pingAnswers(200, "{}");

    ConnectionTestReport report = connection.test();

    assertThat(report.passed()).isFalse();
    assertThat(report.checks().get(0).passed()).isFalse();
    assertThat(report.checks().get(0).status()).isEqualTo(403);
    assertThat(report.checks().get(0).message()).isEqualTo("who_am_i failed: HTTP 403 Forbidden"
        + " (the credentials lack a permission): Agent is suspended");
    assertThat(report.checks().get(1).passed()).isTrue();
  }

  @Test
  void unreachableServerFailsItsCheckWithoutStatus() throws Exception {
    meAnswers(200, "{}");
    int port = closedPort();
    try (Connection c = connect().baseUrl("files", "http://127.0.0.1:" + port).build()) {
      ConnectionTestReport report = c.test();

      ConnectionTestReport.Check files = report.checks().get(1);
      assertThat(files.passed()).isFalse();
      assertThat(files.status()).isEqualTo(0);
      assertThat(files.message()).startsWith(
          "ping_files failed: http://127.0.0.1:" + port + " could not be reached");
      assertThat(report.toJson().get("checks").get(1).has("status")).isFalse();
      assertThat(report.checks().get(0).passed()).isTrue();
    }
  }

  @Test
  void absurdRetryAfterValuesFailTheCheckAndNeverThrow() {
    pingAnswers(200, "{}");
    for (String retryAfter : new String[] {"99999999999999", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
      wm.stubFor(get(urlEqualTo("/me")).willReturn(aResponse().withStatus(429)
          .withHeader("Retry-After", retryAfter)));
      ConnectionTestReport report = connection.test();
      ConnectionTestReport.Check me = report.checks().get(0);
      assertThat(me.passed()).isFalse();
      assertThat(me.message()).startsWith("who_am_i was refused by the server with HTTP 429"
          + " (rate limited); it asks to wait ");
      assertThat(me.message()).contains("try again in");
      assertThat(report.checks().get(1).passed()).isTrue();
    }
    wm.stubFor(get(urlEqualTo("/me")).willReturn(aResponse().withStatus(429)
        .withHeader("x-ratelimit-reset", "1e300")));
    assertThat(connection.test().checks().get(0).message()).contains("try again in");
  }

  @Test
  void theDescriptorListsBothChecks() {
    assertThat(connection.tool().connectionTests().stream()
        .map(t -> t.operation() + "@" + t.server() + ": " + t.label()).toList())
        .containsExactly("who_am_i@api: " + API_LABEL, "ping_files@files: files_key").inOrder();
  }
}
