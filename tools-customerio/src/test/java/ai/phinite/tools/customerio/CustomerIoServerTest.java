package ai.phinite.tools.customerio;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.testkit.RecordedRequest;
import ai.phinite.tools.testkit.RequestAssert;
import ai.phinite.tools.testkit.TestJson;
import ai.phinite.tools.testkit.ToolServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test kit's recording servers standing in for Customer.io: one for the Track API (at
 * {@code /api/v1}) and one for the App API (at {@code /v1}), and a connection whose {@code track}
 * and {@code app} servers point at them. Every request is answered {@code 200 {}} unless a test
 * stubs otherwise; {@link #sentTo} asserts the one request made.
 */
abstract class CustomerIoServerTest {
  static final String SITE_ID = "a1f0c9d2e8";
  /** Chosen so that standard Base64 of {@code site_id:key} has both '+' and '/'. */
  static final String TRACK_API_KEY = "trk-FF?ow>";
  static final String APP_API_KEY = "app-key-3b9f";
  /** {@code Basic} + standard Base64 of {@code a1f0c9d2e8:trk-FF?ow>}, written out. */
  static final String TRACK_AUTH = "Basic YTFmMGM5ZDJlODp0cmstRkY/b3c+";
  static final String APP_AUTH = "Bearer " + APP_API_KEY;

  /** Which stand-in server a request went to: the tool's server id and its base path. */
  enum Api {
    TRACK("track", "/api/v1", TRACK_AUTH),
    APP("app", "/v1", APP_AUTH);

    final String server;
    final String base;
    final String authorization;

    Api(String server, String base, String authorization) {
      this.server = server;
      this.base = base;
      this.authorization = authorization;
    }
  }

  @RegisterExtension
  static final ToolServer server = ToolServer.forTool("customerio").credentials(credentials());

  Connection connection;

  @BeforeEach
  void openConnection() {
    connection = server.connection();
  }

  /** The connection's credential values (a fresh, modifiable map). */
  static Map<String, String> credentials() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("site_id", SITE_ID);
    values.put("track_api_key", TRACK_API_KEY);
    values.put("app_api_key", APP_API_KEY);
    return values;
  }

  /** Calls a subtool with arguments written as JSON. */
  Response call(String subtool, String arguments) {
    return server.call(subtool, arguments);
  }

  static JsonNode json(String text) {
    return TestJson.parse(text);
  }

  /** How many requests the stand-in servers received, both together. */
  static int requestCount() {
    return server.requests().size();
  }

  /**
   * Asserts that exactly one request was made, to {@code api}, and returns it after checking what
   * every request must carry: the server's Authorization, {@code Accept: application/json} and a
   * User-Agent.
   */
  static RecordedRequest sentTo(Api api) {
    return server.assertOneRequest().server(api.server)
        .header("Authorization", api.authorization)
        .header("Accept", "application/json")
        .hasHeader("User-Agent")
        .recorded();
  }

  /**
   * Asserts the one request made: server, method, URL as sent (path and query, percent-encoded,
   * after the base path {@code /api/v1} or {@code /v1}), and the exact JSON body ({@code null}:
   * no body at all).
   */
  static RecordedRequest assertSent(Api api, String method, String url, String body) {
    RecordedRequest request = sentTo(api);
    RequestAssert sent = RequestAssert.of(request).method(method).url(api.base + url);
    if (body == null) {
      sent.noBody();
    } else {
      sent.jsonBody(body);
    }
    return request;
  }

  /** Asserts that nothing at all was sent. */
  static void assertNothingSent() {
    server.assertNothingSent();
  }
}
