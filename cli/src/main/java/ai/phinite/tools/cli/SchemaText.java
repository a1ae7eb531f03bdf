package ai.phinite.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the JSON Schema of a subtool's input as readable text: one entry per argument with its
 * type, whether it is required, its default, description and constraints; fields of nested objects
 * and array items are indented below their argument.
 */
final class SchemaText {
  private static final String STEP = "    ";

  private SchemaText() {}

  /** Prints the properties of an object schema, or {@code (none)} when it has none. */
  static void arguments(PrintWriter out, String indent, JsonNode objectSchema) {
    if (objectSchema.path("properties").size() == 0) {
      out.println(indent + "(none)");
      return;
    }
    properties(out, indent, objectSchema);
  }

  private static void properties(PrintWriter out, String indent, JsonNode objectSchema) {
    Set<String> required = new HashSet<>();
    objectSchema.path("required").forEach(r -> required.add(r.asText()));
    for (Map.Entry<String, JsonNode> p : objectSchema.path("properties").properties()) {
      property(out, indent, p.getKey(), p.getValue(), required.contains(p.getKey()));
    }
    List<String> exclusive = new ArrayList<>();
    objectSchema.path("x-exclusive").forEach(e -> exclusive.add(e.asText()));
    if (!exclusive.isEmpty()) {
      out.println(indent + "(give at most one of: " + String.join(", ", exclusive) + ")");
    }
    for (Map.Entry<String, JsonNode> rule : objectSchema.path("x-requiresAnyOf").properties()) {
      List<String> needed = new ArrayList<>();
      rule.getValue().forEach(n -> needed.add(n.asText()));
      out.println(indent + "(give " + rule.getKey() + " only together with "
          + (needed.size() == 1 ? "" : "one of: ") + String.join(", ", needed) + ")");
    }
  }

  private static void property(
      PrintWriter out, String indent, String name, JsonNode schema, boolean required) {
    StringBuilder head = new StringBuilder(indent).append(name).append(": ").append(type(schema))
        .append(required ? ", required" : ", optional");
    if (schema.has("default")) {
      head.append(", default ").append(schema.get("default"));
    }
    out.println(head);
    String inner = indent + STEP;
    Text.wrap(out, inner, schema.path("description").asText(""));
    List<String> rules = constraints(schema);
    if (!rules.isEmpty()) {
      Text.wrap(out, inner, String.join("; ", rules));
    }
    if (schema.path("properties").size() > 0) {
      out.println(inner + "fields:");
      properties(out, inner + "  ", schema);
    }
    JsonNode items = schema.path("items");
    if (items.path("properties").size() > 0) {
      out.println(inner + "each item:");
      properties(out, inner + "  ", items);
    }
  }

  /** The type in words, e.g. {@code string (email)}, {@code array of integer}, {@code any JSON}. */
  static String type(JsonNode schema) {
    JsonNode t = schema.get("type");
    String base;
    if (t == null) {
      base = "any JSON";
    } else if (t.isArray()) {
      List<String> names = new ArrayList<>();
      t.forEach(n -> names.add(n.asText()));
      base = String.join(" or ", names);
    } else {
      base = t.asText();
    }
    if ("array".equals(base) && schema.path("items").isObject()) {
      base = "array of " + type(schema.get("items"));
    } else if ("object".equals(base) && schema.path("additionalProperties").isObject()) {
      base = "object of " + type(schema.get("additionalProperties")) + " values";
    }
    if (schema.hasNonNull("format")) {
      base += " (" + schema.get("format").asText() + ")";
    }
    return base;
  }

  /** The schema's constraints in words, e.g. {@code from 1 to 100}, {@code one of: a, b}. */
  static List<String> constraints(JsonNode s) {
    List<String> rules = new ArrayList<>();
    if (s.has("enum")) {
      List<String> values = new ArrayList<>();
      s.get("enum").forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
      rules.add("one of: " + String.join(", ", values));
    }
    if (s.has("const")) {
      rules.add("must be " + s.get("const"));
    }
    range(rules, s, "minimum", "maximum", "");
    if (s.has("exclusiveMinimum")) {
      rules.add("greater than " + s.get("exclusiveMinimum"));
    }
    if (s.has("exclusiveMaximum")) {
      rules.add("less than " + s.get("exclusiveMaximum"));
    }
    if (s.has("multipleOf")) {
      rules.add("a multiple of " + s.get("multipleOf"));
    }
    range(rules, s, "minLength", "maxLength", "character");
    if (s.has("x-maxBytes")) {
      rules.add("at most " + s.get("x-maxBytes") + " bytes of UTF-8");
    }
    if (s.hasNonNull("pattern")) {
      rules.add("matches " + s.get("pattern").asText());
    }
    range(rules, s, "minItems", "maxItems", "item");
    if (s.path("uniqueItems").asBoolean(false)) {
      rules.add("no duplicate items");
    }
    range(rules, s, "minProperties", "maxProperties", "field");
    if (s.path("examples").size() > 0) {
      List<String> examples = new ArrayList<>();
      s.get("examples").forEach(e -> examples.add(e.toString()));
      rules.add("e.g. " + String.join(", ", examples));
    }
    return rules;
  }

  /** Adds {@code from A to B}, {@code at least A} or {@code at most B}, counting {@code noun}s. */
  private static void range(
      List<String> rules, JsonNode s, String minKey, String maxKey, String noun) {
    JsonNode min = s.get(minKey);
    JsonNode max = s.get(maxKey);
    if (min != null && max != null) {
      rules.add(min.equals(max)
          ? "exactly " + count(min, noun)
          : "from " + min + " to " + count(max, noun));
    } else if (min != null) {
      rules.add("at least " + count(min, noun));
    } else if (max != null) {
      rules.add("at most " + count(max, noun));
    }
  }

  private static String count(JsonNode n, String noun) {
    if (noun.isEmpty()) {
      return n.toString();
    }
    return n + " " + noun + (n.isNumber() && n.asDouble() == 1 ? "" : "s");
  }
}
