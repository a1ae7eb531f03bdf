package ai.phinite.tools.runtime.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts a portable schema to OpenAI's strict mode: every object lists all its properties as
 * required and forbids others, an optional property accepts {@code null} instead (the runtime
 * treats a {@code null} optional argument as left out), and keywords outside the strict subset are
 * moved into the description. A schema with an open object (a map of any keys) cannot be strict;
 * {@link #convert} then returns the reason instead.
 */
final class OpenAiStrict {
  private OpenAiStrict() {}

  /** The strict schema, or a {@link String} saying why there is none. */
  static Object convert(ObjectNode portable) {
    ObjectNode copy = portable.deepCopy();
    String reason = strict(copy, "");
    return reason == null ? copy : reason;
  }

  private static String strict(ObjectNode node, String path) {
    List<String> notes = new ArrayList<>();
    if (isObject(node)) {
      JsonNode properties = node.get("properties");
      JsonNode additional = node.get("additionalProperties");
      if (!(properties instanceof ObjectNode) || (additional != null && !additional.isBoolean())
          || (additional != null && additional.asBoolean())) {
        return (path.isEmpty() ? "the arguments" : "'" + path.substring(1) + "'")
            + " is an open object (any keys), which strict mode cannot express";
      }
      Set<String> required = new HashSet<>();
      node.path("required").forEach(r -> required.add(r.asText()));
      ArrayNode all = node.putArray("required");
      for (var it = properties.fields(); it.hasNext(); ) {
        var e = it.next();
        all.add(e.getKey());
        ObjectNode p = (ObjectNode) e.getValue();
        String reason = strict(p, path + "/" + e.getKey());
        if (reason != null) {
          return reason;
        }
        if (!required.contains(e.getKey())) {
          if (allowsNull(p)) {
            // null already means "clear it" (@Arg(nullable = true)); strict mode has no way left
            // to say "leave it out"
            return "'" + (path + "/" + e.getKey()).substring(1) + "' is optional and accepts null"
                + " (which clears it), which strict mode cannot tell from leaving it out";
          }
          nullable(p);
        }
      }
      node.put("additionalProperties", false);
    } else if (node.get("items") instanceof ObjectNode items) {
      String reason = strict(items, path + "/items");
      if (reason != null) {
        return reason;
      }
    }
    moveUnsupported(node, notes);
    PortableSchema.addNotes(node, notes);
    return null;
  }

  private static boolean isObject(ObjectNode node) {
    JsonNode type = node.get("type");
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("object")) {
          return true;
        }
      }
      return false;
    }
    return type.asText().equals("object");
  }

  private static boolean allowsNull(ObjectNode p) {
    JsonNode type = p.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void nullable(ObjectNode p) {
    JsonNode type = p.get("type");
    if (type == null) {
      return; // any value, null included
    }
    ArrayNode types = p.arrayNode();
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return; // already nullable (@Arg(nullable = true))
        }
      }
      types.addAll((ArrayNode) type);
    } else {
      types.add(type.asText());
    }
    types.add("null");
    p.set("type", types);
    if (p.get("enum") instanceof ArrayNode e) {
      e.addNull();
    }
  }

  private static void moveUnsupported(ObjectNode node, List<String> notes) {
    List<String> remove = new ArrayList<>();
    for (var it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      if (k.equals("format") && !PortableSchema.OPENAI_STRICT_FORMATS.contains(v.asText())) {
        notes.add("Format: " + v.asText() + ".");
        remove.add(k);
      } else if (!PortableSchema.OPENAI_STRICT_KEYWORDS.contains(k)) {
        String note = switch (k) {
          case "minLength" -> "At least " + v.asInt() + " characters.";
          case "maxLength" -> "At most " + v.asInt() + " characters.";
          case "minProperties" -> "At least " + v.asInt() + " properties.";
          case "maxProperties" -> v.asInt() == 1 ? "Exactly one property."
              : "At most " + v.asInt() + " properties.";
          case "uniqueItems" -> v.asBoolean() ? "Items must be unique." : null;
          case "default" -> "Default: " + v + ".";
          case "examples" -> "Examples: " + v + ".";
          default -> null;
        };
        if (note != null) {
          notes.add(note);
        }
        remove.add(k);
      }
    }
    // minProperties 1 with maxProperties 1 reads better as one sentence
    if (notes.contains("At least 1 properties.") && notes.contains("Exactly one property.")) {
      notes.remove("At least 1 properties.");
    }
    node.remove(remove);
  }
}
