package ai.phinite.tools.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON as tests write it: standard JSON, or with single quotes instead of double quotes, which
 * reads better inside a Java string ({@code "{'page': 2}"}).
 */
public final class TestJson {
  private static final JsonMapper LENIENT =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private TestJson() {}

  /**
   * Parses JSON text, single quotes allowed.
   *
   * @throws IllegalArgumentException when the text is not JSON, with the text in the message
   */
  public static JsonNode parse(String text) {
    try {
      JsonNode node = LENIENT.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("Empty JSON in a test: '" + text + "'");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Not JSON (single quotes are allowed): " + text + " (" + e.getOriginalMessage() + ")", e);
    }
  }
}
