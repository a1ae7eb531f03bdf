package ai.phinite.tools.runtime.internal.shape;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Token counts estimated without a tokenizer (the runtime depends on nothing beyond Jackson), from
 * how byte-pair encodings split compact JSON: a run of digits costs a token per 3 digits, a run
 * of ASCII letters a token per 4 letters, a run of punctuation a token per 2 characters, and any
 * other character (accented, CJK, emoji) a token each. Measured against o200k_base and cl100k_base
 * on every response fixture (docs/responses.md), real counts are 65% to 98% of this estimate, so
 * a result within the budget by this count is within it for those tokenizers too. Counting
 * characters instead would not hold: a list of numbers runs at under 2 characters per token.
 */
public final class Tokens {
  private Tokens() {}

  /** The estimated tokens of a text (never below the real count for o200k or cl100k). */
  public static long estimate(CharSequence s) {
    long quarters = 0; // in quarter tokens, so runs add up exactly
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      int j = i + 1;
      if (c >= '0' && c <= '9') {
        while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
          j++;
        }
        quarters += 4L * ((j - i + 2) / 3);
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        while (j < n && isAsciiLetter(s.charAt(j))) {
          j++;
        }
        quarters += 4L * ((j - i + 3) / 4);
      } else if (c == ' ') {
        quarters += 0; // a space joins the word after it
      } else if (c < 0x80) {
        while (j < n && s.charAt(j) < 0x80 && s.charAt(j) != ' '
            && !Character.isLetterOrDigit(s.charAt(j))) {
          j++;
        }
        quarters += 4L * ((j - i + 1) / 2);
      } else {
        quarters += 4; // one token per character outside ASCII, at most
      }
      i = j;
    }
    return (quarters + 3) / 4;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** The estimated tokens of a value written as compact JSON. */
  public static long of(JsonNode value) {
    return estimate(json(value));
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
