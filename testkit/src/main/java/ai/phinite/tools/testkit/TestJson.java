package ai.phinite.tools.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON as tests write it: standard JSON, or with single quotes instead of double quotes, which
 * reads better inside a Java string ({@code "{'page': 2}"}).
 */
public final class TestJson {
  // numbers as the runtime reads them: decimals exact (BigDecimal, scale kept), so that a body
  // sent with 99.5 equals the expected 99.5 whichever side parsed it
  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();
  private static final JsonMapper LENIENT = STRICT.rebuild()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private TestJson() {}

  /** Parses standard JSON as received (no single quotes); decimals exact. */
  static JsonNode strict(String text) throws JsonProcessingException {
    return STRICT.readTree(text);
  }

  /**
   * Parses JSON text, single quotes allowed; decimals are exact ({@code BigDecimal}), as the
   * runtime reads them.
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
