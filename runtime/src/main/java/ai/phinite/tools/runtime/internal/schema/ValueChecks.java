package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The keywords that apply to a value of any type: {@code enum}, {@code const} and {@code not}. */
final class ValueChecks {
  /** At most this many enum members are listed in a message. */
  private static final int MAX_LISTED = 30;

  private ValueChecks() {}

  /**
   * {@code "one of \"in\", \"out\""}, or for one value just {@code "\"in\""}: the enum members as
   * listed in a message.
   */
  static String describeEnum(List<JsonNode> values) {
    if (values.size() == 1) {
      return JsonValues.render(values.get(0));
    }
    if (values.isEmpty()) {
      return "one of an empty list of values (nothing is allowed)";
    }
    StringBuilder sb = new StringBuilder("one of ");
    int listed = Math.min(values.size(), MAX_LISTED);
    for (int i = 0; i < listed; i++) {
      sb.append(i == 0 ? "" : ", ").append(JsonValues.render(values.get(i)));
    }
    if (listed < values.size()) {
      sb.append(", ... (").append(values.size() - listed).append(" more)");
    }
    return sb.toString();
  }

  /** {@code enum}: the value must equal one of the members. */
  static final class EnumCheck implements Check {
    private final JsonNode[] values;
    private final Set<String> strings;
    private final String message;

    EnumCheck(List<JsonNode> values) {
      this.values = values.toArray(new JsonNode[0]);
      // When every member is a string, a set lookup answers for every instance.
      Set<String> texts = null;
      if (isAllText(values)) {
        texts = new HashSet<>();
        for (JsonNode value : values) {
          texts.add(value.textValue());
        }
      }
      this.strings = texts;
      this.message = "must be " + describeEnum(values) + "; got ";
    }

    private static boolean isAllText(List<JsonNode> values) {
      for (JsonNode value : values) {
        if (!value.isTextual()) {
          return false;
        }
      }
      return true;
    }

    /** Whether {@code node} equals one of the members. */
    boolean contains(JsonNode node) {
      if (strings != null) {
        return node.isTextual() && strings.contains(node.textValue());
      }
      for (JsonNode value : values) {
        if (JsonValues.equal(value, node)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      if (contains(node)) {
        return true;
      }
      if (problems != null) {
        problems.add(message + JsonValues.shortValue(node));
      }
      return false;
    }
  }

  /** {@code const}: the value must equal the given one. */
  static final class ConstCheck implements Check {
    private final JsonNode value;
    private final String message;

    ConstCheck(JsonNode value) {
      this.value = value;
      this.message = "must be " + JsonValues.render(value) + "; got ";
    }

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      if (JsonValues.equal(value, node)) {
        return true;
      }
      if (problems != null) {
        problems.add(message + JsonValues.shortValue(node));
      }
      return false;
    }
  }

  /** {@code not}: the value must not be valid against the given schema. */
  static final class NotCheck implements Check {
    private final Check schema;
    private final String message;

    /**
     * @param schema the compiled inner schema
     * @param source the inner schema as written, to describe what is forbidden
     */
    NotCheck(Check schema, JsonNode source) {
      this.schema = schema;
      this.message = "must not be " + forbidden(source) + "; got ";
    }

    private static String forbidden(JsonNode source) {
      List<String> keys = new ArrayList<>();
      source.fieldNames().forEachRemaining(keys::add);
      keys.removeIf(k -> k.equals("description") || k.equals("title") || k.equals("$comment"));
      if (keys.size() == 1 && keys.get(0).equals("enum") && source.get("enum").isArray()) {
        List<JsonNode> values = new ArrayList<>();
        source.get("enum").forEach(values::add);
        return describeEnum(values);
      }
      if (keys.size() == 1 && keys.get(0).equals("const")) {
        return JsonValues.render(source.get("const"));
      }
      if (source.isBoolean() || keys.isEmpty()) {
        return "any value";
      }
      String json = source.toString();
      return "valid against the schema "
          + (json.length() <= 200 ? json : json.substring(0, 197) + "...");
    }

    @Override
    public boolean check(JsonNode node, int depth, Problems problems) {
      if (!schema.check(node, depth, null)) {
        return true;
      }
      if (problems != null) {
        problems.add(message + JsonValues.shortValue(node));
      }
      return false;
    }
  }
}
