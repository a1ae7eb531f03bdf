package ai.phinite.tools.customerio;

import static ai.phinite.tools.customerio.CustomerIoServerTest.Api.APP;
import static ai.phinite.tools.customerio.CustomerIoServerTest.Api.TRACK;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Identifiers reach the servers as exactly one percent-encoded path segment (RFC 3986), on both
 * APIs: {@code @ + / ? # %}, spaces and non-ASCII characters are never sent raw.
 */
class EncodingTest extends CustomerIoServerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      ada+test@example.com       | ada%2Btest%40example.com
      team/ops                   | team%2Fops
      'Ada Lovelace'             | Ada%20Lovelace
      jürgen@exämple.de          | j%C3%BCrgen%40ex%C3%A4mple.de
      名前                        | %E5%90%8D%E5%89%8D
      100%?#x                    | 100%25%3F%23x
      cio_03000001               | cio_03000001
      """)
  void identifierIsOneSegmentOnTrack(String identifier, String encoded) {
    ObjectNode args = Json.MAPPER.createObjectNode().put("identifier", identifier);
    connection.invoke("identify_customer", args);
    assertSent(TRACK, "PUT", "/customers/" + encoded, "{}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      ada+test@example.com       | ada%2Btest%40example.com
      team/ops                   | team%2Fops
      'Ada Lovelace'             | Ada%20Lovelace
      jürgen@exämple.de          | j%C3%BCrgen%40ex%C3%A4mple.de
      """)
  void identifierIsOneSegmentOnApp(String identifier, String encoded) {
    ObjectNode args = Json.MAPPER.createObjectNode().put("identifier", identifier).put("id_type", "email");
    connection.invoke("get_customer_attributes", args);
    assertSent(APP, "GET", "/customers/" + encoded + "/attributes?id_type=email", null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      ada+test@example.com | 'apns tok/en+1' | ada%2Btest%40example.com | apns%20tok%2Fen%2B1
      """)
  void bothSegmentsOfDeleteDeviceAreEncoded(String identifier, String device, String encodedId,
      String encodedDevice) {
    ObjectNode args = Json.MAPPER.createObjectNode().put("identifier", identifier)
        .put("device_id", device);
    connection.invoke("delete_device", args);
    assertSent(TRACK, "DELETE", "/customers/" + encodedId + "/devices/" + encodedDevice, null);
  }
}
