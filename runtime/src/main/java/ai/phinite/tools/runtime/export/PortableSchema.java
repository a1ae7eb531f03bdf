package ai.phinite.tools.runtime.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projections of a generated input schema for agent hosts. The generated schema carries keywords
 * of this project ({@code x-maxBytes}, {@code x-exclusive}, {@code x-requiresAnyOf}) that the
 * runtime enforces; hosts and model providers may reject unknown keywords, so exports drop them
 * and say the same in words, in the description the model reads: {@code x-maxBytes} in the
 * string's description, {@code x-exclusive} in the subtool's, and {@code x-requiresAnyOf} in the
 * description of the argument it restricts (e.g. "Only together with one of: ids, emails."). The
 * runtime still enforces the full schema.
 */
final class PortableSchema {
  /** Keywords OpenAI's strict mode accepts (its published subset of JSON Schema). */
  static final Set<String> OPENAI_STRICT_KEYWORDS = Set.of("type", "description", "properties",
      "required", "additionalProperties", "items", "enum", "const", "anyOf", "pattern", "format",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems",
      "maxItems", "title");

  /** String formats OpenAI's strict mode accepts. */
  static final Set<String> OPENAI_STRICT_FORMATS = Set.of("date-time", "time", "date", "duration",
      "email", "hostname", "ipv4", "ipv6", "uuid");

  private PortableSchema() {}

  /** The schema without {@code x-} keywords, their rules moved into descriptions. */
  static ObjectNode portable(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    clean(copy);
    return copy;
  }

  /** The words for the root's {@code x-exclusive}, or {@code null}. */
  static String exclusiveNote(JsonNode schema) {
    JsonNode exclusive = schema.get("x-exclusive");
    if (exclusive == null || !exclusive.isArray()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    exclusive.forEach(n -> names.add(n.asText()));
    return "Give at most one of: " + String.join(", ", names) + ".";
  }

  private static void clean(ObjectNode node) {
    requiresNotes(node);
    List<String> notes = new ArrayList<>();
    JsonNode maxBytes = node.get("x-maxBytes");
    if (maxBytes != null) {
      notes.add("At most " + maxBytes.asInt() + " bytes in UTF-8.");
    }
    if ("unix-seconds".equals(node.path("format").asText(null))) {
      notes.add("A Unix time in seconds (10 digits), not milliseconds.");
    }
    node.remove(xKeys(node));
    addNotes(node, notes);
    forEachSubschema(node, PortableSchema::clean);
  }

  /** Says each {@code x-requiresAnyOf} rule in the description of the property it restricts. */
  private static void requiresNotes(ObjectNode node) {
    JsonNode rules = node.get("x-requiresAnyOf");
    if (rules == null || !rules.isObject() || !(node.get("properties") instanceof ObjectNode props)) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> rule = it.next();
      if (props.get(rule.getKey()) instanceof ObjectNode property) {
        List<String> names = new ArrayList<>();
        rule.getValue().forEach(n -> names.add(n.asText()));
        addNotes(property, List.of(names.size() == 1 ? "Only together with " + names.get(0) + "."
            : "Only together with one of: " + String.join(", ", names) + "."));
      }
    }
  }

  static List<String> xKeys(ObjectNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(k -> {
      if (k.startsWith("x-")) {
        keys.add(k);
      }
    });
    return keys;
  }

  static void addNotes(ObjectNode node, List<String> notes) {
    if (notes.isEmpty()) {
      return;
    }
    String description = node.path("description").asText("");
    String joined = String.join(" ", notes);
    node.put("description", description.isEmpty() ? joined : description + " " + joined);
  }

  /** Applies {@code action} to every direct subschema: properties, items, additionalProperties. */
  static void forEachSubschema(ObjectNode node, java.util.function.Consumer<ObjectNode> action) {
    JsonNode properties = node.get("properties");
    if (properties instanceof ObjectNode) {
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
        JsonNode p = it.next().getValue();
        if (p instanceof ObjectNode o) {
          action.accept(o);
        }
      }
    }
    for (String key : new String[] {"items", "additionalProperties", "propertyNames", "not"}) {
      if (node.get(key) instanceof ObjectNode o) {
        action.accept(o);
      }
    }
    if (node.get("anyOf") instanceof ArrayNode any) {
      any.forEach(s -> {
        if (s instanceof ObjectNode o) {
          action.accept(o);
        }
      });
    }
  }
}
