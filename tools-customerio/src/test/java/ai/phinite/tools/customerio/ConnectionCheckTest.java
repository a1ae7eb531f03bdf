package ai.phinite.tools.customerio;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.ConnectionTestReport;
import ai.phinite.tools.runtime.ConnectionTestReport.Check;
import ai.phinite.tools.testkit.CannedResponse;
import ai.phinite.tools.testkit.RequestAssert;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection test checks the Track and App key sets separately and says which failed. */
class ConnectionCheckTest extends CustomerIoServerTest {
  private static final String TRACK_LABEL = "Track API credentials (site_id, track_api_key)";
  private static final String APP_LABEL = "App API key (app_api_key)";

  @Test
  void bothKeySetsPass() {
    server.onRequest("GET", "/api/v1/accounts/region").server("track").respond(CannedResponse.json(
        "{\"url\":\"https://track.customer.io\",\"region\":\"us\",\"environment_id\":123}"));
    server.onRequest("GET", "/v1/segments").server("app")
        .respond(CannedResponse.json("{\"segments\":[]}"));

    ConnectionTestReport report = connection.test();

    assertThat(report.passed()).isTrue();
    assertThat(report.checks()).hasSize(2);
    Check trackCheck = report.checks().get(0);
    assertThat(trackCheck.label()).isEqualTo(TRACK_LABEL);
    assertThat(trackCheck.server()).isEqualTo("track");
    assertThat(trackCheck.credentials()).containsExactly("site_id", "track_api_key").inOrder();
    Check appCheck = report.checks().get(1);
    assertThat(appCheck.label()).isEqualTo(APP_LABEL);
    assertThat(appCheck.server()).isEqualTo("app");
    assertThat(appCheck.operation()).isEqualTo("list_segments");
    assertThat(appCheck.credentials()).containsExactly("app_api_key");
    List<RequestAssert> sent = server.assertRequests(2);
    sent.get(0).server("track").method("GET").url("/api/v1/accounts/region")
        .header("Authorization", TRACK_AUTH).noBody();
    sent.get(1).server("app").method("GET").url("/v1/segments")
        .header("Authorization", APP_AUTH).noBody();
  }

  @Test
  void aFailingTrackKeyIsReportedAsTheTrackCheck() {
    server.onRequest("GET", "/api/v1/accounts/region").respond(CannedResponse.status(401));

    ConnectionTestReport report = connection.test();

    assertThat(report.passed()).isFalse();
    Check trackCheck = report.checks().get(0);
    assertThat(trackCheck.label()).isEqualTo(TRACK_LABEL);
    assertThat(trackCheck.passed()).isFalse();
    assertThat(trackCheck.status()).isEqualTo(401);
    assertThat(trackCheck.message()).contains("credentials");
    Check appCheck = report.checks().get(1);
    assertThat(appCheck.label()).isEqualTo(APP_LABEL);
    assertThat(appCheck.passed()).isTrue();
    String json = report.toJson().toString();
    assertThat(json).doesNotContain(TRACK_API_KEY);
    assertThat(json).doesNotContain(APP_API_KEY);
  }

  @Test
  void aFailingAppKeyIsReportedAsTheAppCheck() {
    server.onRequest("GET", "/v1/segments").respond(CannedResponse.status(401)
        .withJson("{\"meta\":{\"error\":\"Unauthorized request\"}}"));

    ConnectionTestReport report = connection.test();

    assertThat(report.passed()).isFalse();
    assertThat(report.checks().get(0).passed()).isTrue();
    Check appCheck = report.checks().get(1);
    assertThat(appCheck.passed()).isFalse();
    assertThat(appCheck.status()).isEqualTo(401);
    assertThat(appCheck.message()).contains("Unauthorized request");
  }

  @Test
  void theTrackCheckIsNotOfferedToAgents() {
    assertThat(connection.tool().subtools()).doesNotContainKey("track_account_region");
  }
}
