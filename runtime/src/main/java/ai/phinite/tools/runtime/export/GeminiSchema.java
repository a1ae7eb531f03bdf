package ai.phinite.tools.runtime.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts a portable schema to the parameters of a Gemini function declaration: the Gemini API's
 * {@code Schema}, "a select subset of an OpenAPI 3.0 schema object". Kept: {@code type} (as the
 * API's upper-case names), {@code description}, {@code enum} (strings), {@code format} where the
 * API lists it for the type, {@code properties}, {@code required}, {@code items},
 * {@code minimum}/{@code maximum}, {@code minLength}/{@code maxLength}, {@code pattern},
 * {@code minItems}/{@code maxItems}, {@code minProperties}/{@code maxProperties},
 * {@code default}. Not in the subset and so moved into the description, in words:
 * {@code additionalProperties}, {@code propertyNames}, {@code not}, {@code const} (a string
 * {@code const} becomes a one-value {@code enum}), {@code exclusiveMinimum}/{@code Maximum},
 * {@code multipleOf}, {@code uniqueItems}, other formats. A type array becomes
 * {@code nullable: true} for {@code "null"} and {@code anyOf} for several types.
 *
 * <p>Which keywords the API accepts is taken from its published {@code Schema} reference (v1beta),
 * not from calls to the API: inferred, per /work/shared/api conventions.
 */
final class GeminiSchema {
  /** Parameter names Gemini accepts: a letter or underscore first, then letters, digits, '_'. */
  static final Pattern PARAMETER_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");

  /** Formats Gemini lists per type. */
  private static final Map<String, Set<String>> FORMATS = Map.of(
      "string", Set.of("enum", "date-time"),
      "integer", Set.of("int32", "int64"),
      "number", Set.of("float", "double"));

  private static final Set<String> KEPT = Set.of("description", "enum", "format", "minimum",
      "maximum", "minLength", "maxLength", "pattern", "minItems", "maxItems", "minProperties",
      "maxProperties", "required", "default", "title");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GeminiSchema() {}

  /**
   * The Gemini schema of a portable schema.
   *
   * @param problems where to note what Gemini cannot take at all (a parameter name it refuses)
   */
  static ObjectNode convert(JsonNode portable, String path, List<String> problems) {
    ObjectNode out = NODES.objectNode();
    List<String> notes = new ArrayList<>();
    List<String> types = types(portable.get("type"));
    boolean nullable = types.remove("null");
    if (types.size() == 1) {
      out.put("type", types.get(0).toUpperCase(Locale.ROOT));
    } else if (types.size() > 1) {
      ArrayNode any = out.putArray("anyOf");
      types.forEach(t -> any.addObject().put("type", t.toUpperCase(Locale.ROOT)));
    }
    if (nullable) {
      out.put("nullable", true);
    }
    String type = types.size() == 1 ? types.get(0) : null;
    for (Map.Entry<String, JsonNode> e : portable.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      switch (key) {
        case "type", "additionalProperties", "propertyNames", "not" -> { }
        case "properties" -> {
          ObjectNode properties = out.putObject("properties");
          for (Map.Entry<String, JsonNode> p : value.properties()) {
            String at = path + "/" + p.getKey();
            if (!PARAMETER_NAME.matcher(p.getKey()).matches()) {
              problems.add("'" + at.substring(1) + "' is not a name Gemini accepts (a letter or"
                  + " '_' first, then letters, digits or '_', at most 64)");
            }
            properties.set(p.getKey(), convert(p.getValue(), at, problems));
          }
        }
        case "items" -> out.set("items", convert(value, path + "/items", problems));
        case "enum" -> {
          if (allText(value)) {
            out.set("enum", value.deepCopy());
          } else {
            notes.add("One of: " + value + ".");
          }
        }
        case "const" -> {
          if (value.isTextual()) {
            out.putArray("enum").add(value.asText());
          } else {
            notes.add("Always " + value + ".");
          }
        }
        case "format" -> {
          if (type != null && FORMATS.getOrDefault(type, Set.of()).contains(value.asText())) {
            out.set("format", value);
          } else {
            notes.add("Format: " + value.asText() + ".");
          }
        }
        case "exclusiveMinimum" -> notes.add("Greater than " + value + ".");
        case "exclusiveMaximum" -> notes.add("Less than " + value + ".");
        case "multipleOf" -> notes.add("A multiple of " + value + ".");
        case "uniqueItems" -> {
          if (value.asBoolean()) {
            notes.add("Items must be unique.");
          }
        }
        case "examples" -> notes.add("Examples: " + value + ".");
        default -> {
          if (KEPT.contains(key)) {
            out.set(key, value.deepCopy());
          }
        }
      }
    }
    openObjectNotes(portable, notes);
    if (!notes.isEmpty()) {
      String description = out.path("description").asText("");
      String joined = String.join(" ", notes);
      out.put("description", description.isEmpty() ? joined : description + " " + joined);
    }
    return out;
  }

  /** What {@code additionalProperties} and {@code propertyNames} said, in words. */
  private static void openObjectNotes(JsonNode portable, List<String> notes) {
    JsonNode additional = portable.get("additionalProperties");
    boolean isObject = types(portable.get("type")).contains("object");
    boolean open = additional != null ? !(additional.isBoolean() && !additional.asBoolean())
        : isObject && !portable.has("properties");
    if (open) {
      String values = "";
      if (additional != null && additional.isObject() && additional.has("type")) {
        values = " with " + String.join(" or ", types(additional.get("type"))) + " values";
      }
      notes.add((portable.has("properties") ? "Other keys are allowed too" : "An object of any"
          + " keys") + values + ".");
    }
    JsonNode names = portable.get("propertyNames");
    if (names != null) {
      JsonNode reserved = names.path("not").path("enum");
      if (reserved.isArray() && reserved.size() > 0) {
        List<String> keys = new ArrayList<>();
        reserved.forEach(k -> keys.add(k.asText()));
        notes.add("Do not use the keys: " + String.join(", ", keys) + ".");
      } else if (names.has("pattern")) {
        notes.add("Keys must match " + names.get("pattern").asText() + ".");
      }
    }
  }

  private static List<String> types(JsonNode type) {
    List<String> out = new ArrayList<>();
    if (type == null) {
      return out;
    }
    if (type.isArray()) {
      type.forEach(t -> out.add(t.asText()));
    } else {
      out.add(type.asText());
    }
    return out;
  }

  private static boolean allText(JsonNode values) {
    for (JsonNode v : values) {
      if (!v.isTextual()) {
        return false;
      }
    }
    return values.isArray();
  }
}
