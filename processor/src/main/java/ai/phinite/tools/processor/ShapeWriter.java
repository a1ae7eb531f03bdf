package ai.phinite.tools.processor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a subtool's shaping into its descriptor entry: the {@code fields} argument of its input
 * schema, its {@code outputSchema} (the shaped result's envelope around the declared item schema)
 * and its {@code shape}, which the runtime follows.
 */
final class ShapeWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** How the {@code fields} argument reads: for a list, of each item; else, of the object. */
  static String fieldsDescription(boolean list) {
    return "The fields of " + (list ? "each item" : "the object") + " to return. Left out: the"
        + " default fields (the result names the fields it hid). [\"all\"]: every field.";
  }

  private ShapeWriter() {}

  /**
   * Adds the optional {@code fields} argument when the subtool shows default fields: a list's
   * items or a single object's fields alike.
   */
  static void input(ObjectNode inputSchema, ShapeReader.Shaping shaping) {
    if (shaping == null || shaping.fields().isEmpty()) {
      return;
    }
    ObjectNode p = NODES.objectNode();
    p.put("description", fieldsDescription(shaping.items() != null) + " Default: "
        + String.join(", ", shaping.fields()) + ".");
    p.put("type", "array");
    ObjectNode items = p.putObject("items");
    items.put("type", "string");
    items.put("minLength", 1);
    p.put("minItems", 1);
    p.put("uniqueItems", true);
    ObjectNode properties = (ObjectNode) inputSchema.get("properties");
    properties.set(ShapeReader.FIELDS, p);
  }

  /** The output schema of a subtool with {@code @Shape}: nothing for the others. */
  static void output(ObjectNode entry, ShapeReader.Shaping shaping) {
    if (shaping == null || !shaping.declared()) {
      return;
    }
    ObjectNode item = shaping.itemSchema() != null ? shaping.itemSchema().deepCopy()
        : NODES.objectNode().put("type", "object");
    ObjectNode schema = entry.putObject("outputSchema");
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    if (shaping.items() != null) {
      ObjectNode list = properties.putObject("items");
      list.put("description", "The items shown, in the order the API gave them.");
      list.put("type", "array");
      list.set("items", item);
      ObjectNode next = properties.putObject("next");
      next.put("description", "The exact arguments that fetch the next items; absent on the last page.");
      next.put("type", "object");
    } else {
      if (!item.has("description")) { // the item schema's own word, when it has one
        item.put("description", "The object the result is about.");
      }
      properties.set("item", item);
    }
    ObjectNode notice = properties.putObject("notice");
    notice.put("description", "What was cut or hidden and how to see it; absent when nothing was.");
    notice.put("type", "string");
    schema.putArray("required").add(shaping.items() != null ? "items" : "item");
  }

  /** The {@code shape} member the runtime follows. */
  static void shape(ObjectNode entry, ShapeReader.Shaping shaping) {
    if (shaping == null) {
      return;
    }
    ObjectNode s = entry.putObject("shape");
    s.put("jsonApi", shaping.jsonApi());
    if (shaping.items() != null) {
      s.put("items", shaping.items());
    }
    if (shaping.item() != null) {
      s.put("item", shaping.item());
    }
    if (!shaping.fields().isEmpty()) {
      ArrayNode fields = s.putArray("fields");
      shaping.fields().forEach(fields::add);
    }
    ShapeReader.Paging p = shaping.paging();
    if (p != null) {
      ObjectNode paging = s.putObject("paging");
      paging.put("style", p.style());
      putIf(paging, "page", p.page());
      putIf(paging, "cursor", p.cursor());
      putIf(paging, "size", p.size());
      if (p.defaultSize() > 0) {
        paging.put("defaultSize", p.defaultSize());
      }
      putIf(paging, "more", p.more());
      putIf(paging, "next", p.next());
      putIf(paging, "total", p.total());
      putIf(paging, "link", p.link());
      if (!p.query().isEmpty()) {
        ObjectNode query = paging.putObject("query");
        new java.util.TreeMap<>(p.query()).forEach(query::put); // sorted: the same on every build
      }
    }
  }

  private static void putIf(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }
}
