package ai.phinite.tools.customerio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.ConnectionTestReport;
import ai.phinite.tools.runtime.ConnectionTestReport.Check;
import org.junit.jupiter.api.Test;

/** The connection test checks the Track and App key sets separately and says which failed. */
class ConnectionCheckTest extends WireMockTestBase {
  private static final String TRACK_LABEL = "Track API credentials (site_id, track_api_key)";
  private static final String APP_LABEL = "App API key (app_api_key)";

  @Test
  void bothKeySetsPass() {
    track.stubFor(get(urlEqualTo("/api/v1/accounts/region")).willReturn(okJson(
        "{\"url\":\"https://track.customer.io\",\"region\":\"us\",\"environment_id\":123}")));
    app.stubFor(get(urlEqualTo("/v1/segments")).willReturn(okJson("{\"segments\":[]}")));

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
    track.verify(1, getRequestedFor(urlEqualTo("/api/v1/accounts/region"))
        .withHeader("Authorization", equalTo(TRACK_AUTH)));
    app.verify(1, getRequestedFor(urlEqualTo("/v1/segments"))
        .withHeader("Authorization", equalTo(APP_AUTH)));
  }

  @Test
  void aFailingTrackKeyIsReportedAsTheTrackCheck() {
    track.stubFor(get(urlEqualTo("/api/v1/accounts/region")).willReturn(aResponse().withStatus(401)));

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
    app.stubFor(get(urlEqualTo("/v1/segments")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"meta\":{\"error\":\"Unauthorized request\"}}")));

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
