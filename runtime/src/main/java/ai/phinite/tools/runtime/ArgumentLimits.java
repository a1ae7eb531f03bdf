package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * Bounds on the arguments as a whole, wherever the schema sets none (inside open objects such as
 * {@code additional_fields}, or strings without a length): at most {@value #MAX_DEPTH} levels of
 * nesting, about {@code maxBytes} of content, and only numbers that are finite and within the
 * range of a 64-bit float (a {@code 1e400} would reach most APIs as infinity). Checked without recursion, so no input can
 * overflow the stack; the pointer of the offending value is found only when one fails.
 */
final class ArgumentLimits {
  /** The deepest nesting accepted; the schema validator uses the same bound. */
  static final int MAX_DEPTH = 64;

  private ArgumentLimits() {}

  /** The problem with the arguments' size or depth, or {@code null} when they are within bounds. */
  static Problem check(JsonNode args, long maxBytes) {
    ArrayDeque<JsonNode> nodes = new ArrayDeque<>();
    ArrayDeque<Integer> depths = new ArrayDeque<>();
    nodes.push(args);
    depths.push(0);
    long weight = 0;
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      int depth = depths.pop();
      if (depth > MAX_DEPTH) {
        return new Problem(pointerAtDepth(args, MAX_DEPTH + 1),
            "is nested too deeply (more than " + MAX_DEPTH + " levels)");
      }
      weight += 8;
      if (node.isNumber() && !representable(node)) {
        return new Problem(pointerOf(args, node), "is not a finite number that JSON APIs can"
            + " read (" + node.asText() + "; the most is about 1.8e308); send a smaller number,"
            + " or the value as a string");
      }
      if (node.isTextual()) {
        weight += node.textValue().length();
      } else if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          weight += e.getKey().length();
          nodes.push(e.getValue());
          depths.push(depth + 1);
        }
      } else if (node.isArray()) {
        for (JsonNode element : node) {
          nodes.push(element);
          depths.push(depth + 1);
        }
      }
      if (weight > maxBytes) {
        return new Problem("", "the arguments are too large: more than " + maxBytes
            + " bytes of content; send less (split the work into several calls)");
      }
    }
    return null;
  }

  private static final java.math.BigDecimal MAX_DOUBLE = new java.math.BigDecimal(Double.MAX_VALUE);

  /** Whether a number is finite and within the range of a 64-bit float, as APIs read numbers. */
  private static boolean representable(JsonNode n) {
    if (n.isDouble() || n.isFloat()) {
      return Double.isFinite(n.doubleValue());
    }
    if (n.isBigDecimal()) {
      return n.decimalValue().abs().compareTo(MAX_DOUBLE) <= 0;
    }
    return true; // integers: their own schema bounds apply; big ones are sent exactly
  }

  /** The pointer of {@code target} in {@code root} (searched only once a failure is known). */
  private static String pointerOf(JsonNode root, JsonNode target) {
    ArrayDeque<JsonNode> nodes = new ArrayDeque<>();
    ArrayDeque<String> pointers = new ArrayDeque<>();
    nodes.push(root);
    pointers.push("");
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      String pointer = pointers.pop();
      if (node == target) {
        return pointer;
      }
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          nodes.push(e.getValue());
          pointers.push(pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          nodes.push(node.get(i));
          pointers.push(pointer + "/" + i);
        }
      }
    }
    return "";
  }

  /** The pointer of a value at {@code depth} (searched only once a failure is known). */
  private static String pointerAtDepth(JsonNode root, int depth) {
    ArrayDeque<JsonNode> nodes = new ArrayDeque<>();
    ArrayDeque<String> pointers = new ArrayDeque<>();
    nodes.push(root);
    pointers.push("");
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      String pointer = pointers.pop();
      int level = pointer.isEmpty() ? 0 : (int) pointer.chars().filter(c -> c == '/').count();
      if (level == depth) {
        return pointer;
      }
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          nodes.push(e.getValue());
          pointers.push(pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          nodes.push(node.get(i));
          pointers.push(pointer + "/" + i);
        }
      }
    }
    return "";
  }
}
