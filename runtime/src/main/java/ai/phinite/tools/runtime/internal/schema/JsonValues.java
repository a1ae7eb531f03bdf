package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** JSON value helpers: JSON equality and hashing, and short renderings for messages. */
final class JsonValues {
  /** Longest string or number (in code points) quoted in full in a message. */
  static final int MAX_SHOWN = 40;

  /** Values nested deeper than this are never equal to anything (and all hash alike). */
  private static final int MAX_COMPARE_DEPTH = 256;

  private JsonValues() {}

  /** Whether {@code n} is a number with no fractional part (5 and 5.0, not 5.5), per 2020-12. */
  static boolean isIntegral(JsonNode n) {
    if (n.isIntegralNumber()) {
      return true;
    }
    if (n.isDouble() || n.isFloat()) {
      double d = n.doubleValue();
      return Double.isFinite(d) && d == Math.rint(d);
    }
    if (n.isBigDecimal()) {
      BigDecimal v = n.decimalValue();
      return v.signum() == 0 || v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0;
    }
    return false;
  }

  /** Whether {@code n} is held as a Java int, long or short. */
  static boolean isLongLike(JsonNode n) {
    return n.isInt() || n.isLong() || n.isShort();
  }

  /** Whether {@code n} is a floating-point NaN or infinity (only possible with lenient parsing). */
  static boolean isNonFinite(JsonNode n) {
    return (n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue());
  }

  /** JSON equality: numbers by mathematical value (1 equals 1.0), objects regardless of order. */
  static boolean equal(JsonNode a, JsonNode b) {
    return equal(a, b, 0);
  }

  private static boolean equal(JsonNode a, JsonNode b, int depth) {
    if (a == b) {
      return true;
    }
    if (depth > MAX_COMPARE_DEPTH) {
      return false;
    }
    if (a.isNumber() && b.isNumber()) {
      return numbersEqual(a, b);
    }
    JsonNodeType type = a.getNodeType();
    if (type != b.getNodeType()) {
      return false;
    }
    switch (type) {
      case STRING:
        return a.textValue().equals(b.textValue());
      case BOOLEAN:
        return a.booleanValue() == b.booleanValue();
      case NULL:
        return true;
      case ARRAY:
        if (a.size() != b.size()) {
          return false;
        }
        for (int i = 0; i < a.size(); i++) {
          if (!equal(a.get(i), b.get(i), depth + 1)) {
            return false;
          }
        }
        return true;
      case OBJECT:
        if (a.size() != b.size()) {
          return false;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
          JsonNode other = b.get(e.getKey());
          if (other == null || !equal(e.getValue(), other, depth + 1)) {
            return false;
          }
        }
        return true;
      default:
        return a.equals(b);
    }
  }

  private static boolean numbersEqual(JsonNode a, JsonNode b) {
    if (isLongLike(a) && isLongLike(b)) {
      return a.longValue() == b.longValue();
    }
    if (isNonFinite(a) || isNonFinite(b)) {
      return isNonFinite(a) && isNonFinite(b) && a.doubleValue() == b.doubleValue();
    }
    return a.decimalValue().compareTo(b.decimalValue()) == 0;
  }

  /** A hash consistent with {@link #equal}. */
  static int hash(JsonNode n) {
    return hash(n, 0);
  }

  private static int hash(JsonNode n, int depth) {
    if (depth > MAX_COMPARE_DEPTH) {
      return 0;
    }
    switch (n.getNodeType()) {
      case NUMBER:
        return numberHash(n);
      case STRING:
        return n.textValue().hashCode();
      case BOOLEAN:
        return n.booleanValue() ? 1231 : 1237;
      case NULL:
        return 17;
      case ARRAY:
        int h = 1;
        for (int i = 0; i < n.size(); i++) {
          h = 31 * h + hash(n.get(i), depth + 1);
        }
        return h;
      case OBJECT:
        int sum = 7;
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          sum += e.getKey().hashCode() ^ hash(e.getValue(), depth + 1);
        }
        return sum;
      default:
        return n.hashCode();
    }
  }

  private static int numberHash(JsonNode n) {
    if (isLongLike(n)) {
      return Long.hashCode(n.longValue());
    }
    if (isNonFinite(n)) {
      return Double.hashCode(n.doubleValue());
    }
    BigDecimal v = n.decimalValue();
    if (v.signum() == 0) {
      return 0;
    }
    v = v.stripTrailingZeros();
    if (v.scale() <= 0 && v.precision() - v.scale() <= 18) {
      return Long.hashCode(v.longValueExact());
    }
    return v.hashCode();
  }

  /**
   * The value for a "not ..." phrase: {@code a string "12"}, {@code a number 5.5}, {@code null}.
   */
  static String describe(JsonNode n) {
    switch (n.getNodeType()) {
      case STRING:
        return "a string " + shortString(n.textValue());
      case NUMBER:
        String text = numberText(n);
        return text.length() <= MAX_SHOWN ? "a number " + text : "a number";
      case BOOLEAN:
        return "a boolean " + n.booleanValue();
      case NULL:
        return "null";
      case OBJECT:
        return "an object";
      case ARRAY:
        return "an array";
      default:
        return "a value that is not JSON";
    }
  }

  /** The value for a "got ..." phrase: {@code "sideways"}, {@code 500}, {@code an object}. */
  static String shortValue(JsonNode n) {
    switch (n.getNodeType()) {
      case STRING:
        return shortString(n.textValue());
      case NUMBER:
        String text = numberText(n);
        return text.length() <= MAX_SHOWN ? text : "a number of " + text.length() + " characters";
      case BOOLEAN:
      case NULL:
        return n.asText();
      default:
        return describe(n);
    }
  }

  /**
   * A number as text, in plain notation where that is short ({@code 1700000000.5} rather than
   * Java's {@code 1.7000000005E9}).
   */
  static String numberText(JsonNode n) {
    String text = n.asText();
    if (!n.isFloatingPointNumber() || isNonFinite(n)) {
      return text;
    }
    try {
      BigDecimal value = n.isBigDecimal() ? n.decimalValue() : new BigDecimal(text);
      if (value.signum() == 0 || Math.abs((long) value.scale()) > MAX_SHOWN) {
        return text;
      }
      String plain = value.toPlainString();
      return plain.length() <= MAX_SHOWN ? plain : text;
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** {@code s} quoted as JSON, cut after {@link #MAX_SHOWN} code points. */
  static String shortString(String s) {
    int codePoints = s.codePointCount(0, s.length());
    if (codePoints <= MAX_SHOWN) {
      return quote(s);
    }
    return quote(s.substring(0, s.offsetByCodePoints(0, MAX_SHOWN)))
        + "... ("
        + codePoints
        + " characters)";
  }

  /** A schema value (an enum member, a const) as compact JSON, cut after 100 characters. */
  static String render(JsonNode n) {
    String json = n.isTextual() ? quote(n.textValue()) : n.toString();
    return json.length() <= 100 ? json : json.substring(0, 97) + "...";
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** {@code "1 item"}, {@code "3 items"}. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** {@code "a"}, {@code "a or b"}, {@code "a, b or c"} (with {@code conjunction} "or"). */
  static String join(List<String> parts, String conjunction) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sb.append(i == parts.size() - 1 ? " " + conjunction + " " : ", ");
      }
      sb.append(parts.get(i));
    }
    return sb.toString();
  }
}
