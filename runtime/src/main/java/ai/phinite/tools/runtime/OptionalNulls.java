package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Treats an explicit {@code null} given for an optional declared argument (or record component)
 * as if it were left out. Language models often write {@code null} for arguments they do not use,
 * and OpenAI's strict function calling must, so this keeps such calls valid. An argument whose
 * schema allows {@code null} ({@code @Arg(nullable = true)}) keeps it: there it means "clear the
 * field". Inside open objects
 * (maps such as {@code additional_fields} or {@code attributes}) a {@code null} is data — it
 * clears a field — and is kept.
 */
final class OptionalNulls {
  private OptionalNulls() {}

  /** The arguments without such nulls; the same node when there are none. */
  static JsonNode strip(JsonNode schema, JsonNode value) {
    if (value instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      return stripElements(schema.get("items"), array);
    }
    if (!(value instanceof ObjectNode object)) {
      return value;
    }
    JsonNode properties = schema.get("properties");
    if (properties == null || !properties.isObject()) {
      return value; // an open object: its nulls are data
    }
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    ObjectNode copy = null;
    List<String> removed = new ArrayList<>(0);
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode propertySchema = properties.get(e.getKey());
      if (propertySchema == null) {
        continue;
      }
      if (e.getValue().isNull()) {
        if (!required.contains(e.getKey()) && !allowsNull(propertySchema)) {
          removed.add(e.getKey());
        }
        continue;
      }
      JsonNode inner = strip(propertySchema, e.getValue());
      if (inner != e.getValue()) {
        if (copy == null) {
          copy = object.deepCopy();
        }
        copy.set(e.getKey(), inner);
      }
    }
    if (removed.isEmpty()) {
      return copy != null ? copy : value;
    }
    if (copy == null) {
      copy = object.deepCopy();
    }
    copy.remove(removed);
    return copy;
  }

  /** The elements of a list, each stripped against the list's item schema. */
  private static JsonNode stripElements(JsonNode items, com.fasterxml.jackson.databind.node.ArrayNode array) {
    if (items == null || !items.isObject()) {
      return array;
    }
    com.fasterxml.jackson.databind.node.ArrayNode copy = null;
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      JsonNode stripped = strip(items, element);
      if (stripped != element) {
        if (copy == null) {
          copy = array.deepCopy();
        }
        copy.set(i, stripped);
      }
    }
    return copy != null ? copy : array;
  }

  private static boolean allowsNull(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return true;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
      return false;
    }
    return type.asText().equals("null");
  }
}
