package ai.phinite.tools.runtime.internal.shape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import ai.phinite.tools.runtime.internal.Json;

/**
 * Token counts estimated from compact JSON's length, without a tokenizer (the runtime has no
 * dependency beyond Jackson). Compact JSON of API records runs at about 3.5 to 4 characters per
 * token with the o200k and cl100k encodings (measured in docs/responses.md); three characters per
 * token keeps the estimate above the real count, so a result within the budget is within it for
 * those tokenizers too.
 */
public final class Tokens {
  /** Characters per token assumed (an under-estimate, so budgets hold). */
  public static final int CHARS_PER_TOKEN = 3;

  private Tokens() {}

  /** The characters a budget of {@code tokens} allows. */
  public static long chars(int tokens) {
    return (long) tokens * CHARS_PER_TOKEN;
  }

  /** The estimated tokens of a text. */
  public static long estimate(String text) {
    return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  /** The length of a value written as compact JSON. */
  static long length(JsonNode value) {
    return json(value).length();
  }

  /** A value as compact JSON. */
  public static String json(JsonNode value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }
}
