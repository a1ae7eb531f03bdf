package ai.phinite.tools.kustomer;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.testkit.CannedResponse;
import ai.phinite.tools.testkit.RecordedRequest;
import ai.phinite.tools.testkit.RequestAssert;
import ai.phinite.tools.testkit.TestJson;
import ai.phinite.tools.testkit.ToolServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test kit's recording server standing in for Kustomer (at {@code /v1}, like the real API),
 * and a connection to it. Every request is answered {@code 200 {"data":{}}} unless a test stubs
 * otherwise; tests then assert what went on the wire (URLs exactly as received, still
 * percent-encoded), and that every request carries the bearer token, Accept and a User-Agent.
 *
 * <p>JSON in tests is written with single quotes for readability.
 */
abstract class KustomerServerTest {
  static final String TOKEN = "test-token-0123456789";

  @RegisterExtension
  static final ToolServer server = ToolServer.forTool("kustomer")
      .credential("api_token", TOKEN)
      .respondByDefault(CannedResponse.json("{\"data\":{}}"));

  /** The test's connection to the recording server, with {@link #TOKEN}. */
  Connection kustomer;

  @BeforeEach
  void openConnection() {
    kustomer = server.connection();
  }

  static ToolProvider<?> provider() {
    return ToolCatalog.load().require("kustomer");
  }

  /** A connection to the recording server with the token and these further credentials. */
  static Connection connect(Map<String, String> credentials) {
    return server.connectionBuilder().credentials(credentials).build();
  }

  static JsonNode json(String text) {
    return TestJson.parse(text);
  }

  /** Calls a subtool on the test's connection. */
  Response call(String subtool, String arguments) {
    return server.call(subtool, arguments);
  }

  /** Every request received in this test, oldest first. */
  static List<RecordedRequest> received() {
    return server.requests();
  }

  /** Asserts that exactly one request was sent, without a body. */
  static void assertSent(String method, String url) {
    assertRequest(server.assertOneRequest().recorded(), method, url, null);
  }

  /** Asserts that exactly one request was sent, with this exact JSON body. */
  static void assertSent(String method, String url, String body) {
    assertRequest(server.assertOneRequest().recorded(), method, url, body);
  }

  static void assertNothingSent() {
    server.assertNothingSent();
  }

  /**
   * Asserts one request: method, URL as received (path and query, percent-encoded), bearer token,
   * Accept, and either no body and no Content-Type, or {@code Content-Type: application/json} and
   * exactly this JSON body (no property more or less, nulls included).
   */
  static void assertRequest(RecordedRequest request, String method, String url, String body) {
    RequestAssert sent = RequestAssert.of(request).method(method).url(url)
        .header("Authorization", "Bearer " + TOKEN)
        .header("Accept", "application/json")
        .hasHeader("User-Agent");
    if (body == null) {
      sent.noBody();
    } else {
      sent.header("Content-Type", "application/json").jsonBody(body);
    }
  }
}
