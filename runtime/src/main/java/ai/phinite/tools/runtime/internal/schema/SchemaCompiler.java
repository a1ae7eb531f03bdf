package ai.phinite.tools.runtime.internal.schema;

import ai.phinite.tools.runtime.internal.schema.NumberChecks.BoundCheck;
import ai.phinite.tools.runtime.internal.schema.NumberChecks.Kind;
import ai.phinite.tools.runtime.internal.schema.StringChecks.Format;
import ai.phinite.tools.runtime.internal.schema.ValueChecks.ConstCheck;
import ai.phinite.tools.runtime.internal.schema.ValueChecks.EnumCheck;
import ai.phinite.tools.runtime.internal.schema.ValueChecks.NotCheck;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** Turns a schema into a tree of {@link Check}s, rejecting what it cannot enforce. */
final class SchemaCompiler {
  /** Subschemas nested deeper than this are rejected. */
  private static final int MAX_SCHEMA_DEPTH = 128;

  private static final Set<String> KEYWORDS =
      Set.of(
          ("type enum const not properties required additionalProperties minProperties"
                  + " maxProperties propertyNames x-exclusive x-requiresAnyOf items minItems maxItems uniqueItems"
                  + " minimum maximum exclusiveMinimum exclusiveMaximum minLength maxLength pattern"
                  + " format x-maxBytes")
              .split(" "));

  private static final Set<String> ANNOTATIONS =
      Set.of(
          ("$schema $id $comment title description default examples deprecated readOnly"
                  + " writeOnly")
              .split(" "));

  private SchemaCompiler() {}

  /** Compiles a whole schema. */
  static Check compile(JsonNode schema) {
    if (schema == null || schema.isMissingNode()) {
      throw new IllegalArgumentException("Cannot compile JSON Schema: there is no schema");
    }
    return compile(schema, "", 0);
  }

  private static Check compile(JsonNode s, String ptr, int depth) {
    if (depth > MAX_SCHEMA_DEPTH) {
      throw bad(ptr, "the schema is nested more than " + MAX_SCHEMA_DEPTH + " levels deep");
    }
    if (s.isBoolean()) {
      return s.booleanValue() ? Check.ACCEPT : Check.REJECT;
    }
    if (!s.isObject()) {
      throw bad(ptr, "a schema must be an object or a boolean, not " + JsonValues.describe(s));
    }
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYWORDS.contains(k) && !ANNOTATIONS.contains(k) && !k.startsWith("x-")) {
        throw bad(at(ptr, k), "unsupported keyword \"" + k + "\"" + hint(k));
      }
    }
    TypeCheck type = s.has("type") ? TypeCheck.parse(s.get("type"), at(ptr, "type")) : null;

    List<Check> any = new ArrayList<>();
    if (s.has("enum")) {
      any.add(new EnumCheck(elements(s.get("enum"), at(ptr, "enum"), "enum")));
    }
    if (s.has("const")) {
      any.add(new ConstCheck(s.get("const")));
    }
    if (s.has("not")) {
      any.add(new NotCheck(compile(s.get("not"), at(ptr, "not"), depth + 1), s.get("not")));
    }

    List<Check> numbers = new ArrayList<>();
    bound(s, ptr, "minimum", Kind.MINIMUM, numbers);
    bound(s, ptr, "exclusiveMinimum", Kind.EXCLUSIVE_MINIMUM, numbers);
    bound(s, ptr, "maximum", Kind.MAXIMUM, numbers);
    bound(s, ptr, "exclusiveMaximum", Kind.EXCLUSIVE_MAXIMUM, numbers);

    List<Check> strings = new ArrayList<>();
    if (s.has("minLength")) {
      strings.add(new StringChecks.LengthCheck(count(s, ptr, "minLength"), false));
    }
    if (s.has("maxLength")) {
      strings.add(new StringChecks.LengthCheck(count(s, ptr, "maxLength"), true));
    }
    if (s.has("x-maxBytes")) {
      strings.add(new StringChecks.MaxBytesCheck(count(s, ptr, "x-maxBytes")));
    }
    if (s.has("pattern")) {
      String source = text(s.get("pattern"), at(ptr, "pattern"), "pattern");
      try {
        strings.add(new StringChecks.PatternCheck(source, EcmaRegex.compile(source)));
      } catch (PatternSyntaxException e) {
        throw bad(at(ptr, "pattern"), "not a valid regular expression: " + e.getDescription());
      }
    }
    if (s.has("format")) {
      switch (text(s.get("format"), at(ptr, "format"), "format")) {
        case "email" -> strings.add(Format.EMAIL);
        case "uri" -> strings.add(Format.URI_FORMAT);
        case "date-time" -> strings.add(Format.DATE_TIME);
        case "unix-seconds" -> numbers.add(NumberChecks.UnixSecondsCheck.INSTANCE);
        default -> {
          // Other formats are annotations only.
        }
      }
    }

    Check array = array(s, ptr, depth);
    Check object = object(s, ptr, depth);
    if (type == null
        && any.isEmpty()
        && numbers.isEmpty()
        && strings.isEmpty()
        && array == null
        && object == null) {
      return Check.ACCEPT;
    }
    Check[] none = new Check[0];
    return new SchemaNode(
        type, any.toArray(none), numbers.toArray(none), strings.toArray(none), array, object);
  }

  private static Check array(JsonNode s, String ptr, int depth) {
    if (!s.has("items") && !s.has("minItems") && !s.has("maxItems") && !s.has("uniqueItems")) {
      return null;
    }
    Check items = null;
    if (s.has("items")) {
      if (s.get("items").isArray()) {
        throw bad(
            at(ptr, "items"), "\"items\" must be one schema; the array form is not supported");
      }
      items = compile(s.get("items"), at(ptr, "items"), depth + 1);
    }
    boolean unique = false;
    if (s.has("uniqueItems")) {
      if (!s.get("uniqueItems").isBoolean()) {
        throw bad(at(ptr, "uniqueItems"), "\"uniqueItems\" must be true or false");
      }
      unique = s.get("uniqueItems").booleanValue();
    }
    long min = s.has("minItems") ? count(s, ptr, "minItems") : -1;
    long max = s.has("maxItems") ? count(s, ptr, "maxItems") : -1;
    if (min <= 0 && max < 0 && !unique && (items == null || items == Check.ACCEPT)) {
      return null;
    }
    return new ArrayCheck(min, max, unique, items);
  }

  private static Check object(JsonNode s, String ptr, int depth) {
    Map<String, Check> properties = new LinkedHashMap<>();
    JsonNode declared = s.get("properties");
    if (declared != null) {
      if (!declared.isObject()) {
        throw bad(at(ptr, "properties"), "\"properties\" must be an object of schemas");
      }
      for (Map.Entry<String, JsonNode> e : declared.properties()) {
        String where = at(at(ptr, "properties"), e.getKey());
        properties.put(e.getKey(), compile(e.getValue(), where, depth + 1));
      }
    }
    List<String> required = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    if (s.has("required")) {
      for (JsonNode n : elements(s.get("required"), at(ptr, "required"), "required")) {
        String name = text(n, at(ptr, "required"), "required");
        if (!required.contains(name)) {
          required.add(name);
          messages.add(missingMessage(declared == null ? null : declared.get(name)));
        }
      }
    }
    List<String> exclusive = null;
    if (s.has("x-exclusive")) {
      exclusive = new ArrayList<>();
      for (JsonNode n : elements(s.get("x-exclusive"), at(ptr, "x-exclusive"), "x-exclusive")) {
        exclusive.add(text(n, at(ptr, "x-exclusive"), "x-exclusive"));
      }
    }
    Map<String, List<String>> requiresAnyOf = requiresAnyOf(s, ptr);
    Check additional =
        s.has("additionalProperties")
            ? compile(s.get("additionalProperties"), at(ptr, "additionalProperties"), depth + 1)
            : null;
    Check names =
        s.has("propertyNames")
            ? compile(s.get("propertyNames"), at(ptr, "propertyNames"), depth + 1)
            : null;
    long min = s.has("minProperties") ? count(s, ptr, "minProperties") : -1;
    long max = s.has("maxProperties") ? count(s, ptr, "maxProperties") : -1;
    boolean anyCheck =
        properties.values().stream().anyMatch(c -> c != Check.ACCEPT)
            || !required.isEmpty()
            || (exclusive != null && exclusive.size() > 1)
            || !requiresAnyOf.isEmpty()
            || (additional != null && additional != Check.ACCEPT)
            || (names != null && names != Check.ACCEPT)
            || min > 0
            || max >= 0;
    if (!anyCheck) {
      return null;
    }
    return new ObjectCheck(
        min,
        max,
        exclusive != null && exclusive.size() > 1 ? exclusive : null,
        requiresAnyOf,
        required,
        messages,
        properties,
        additional,
        names);
  }

  /**
   * {@code x-requiresAnyOf}: an object mapping a property name to the non-empty list of names of
   * which at least one must be present whenever that property is.
   */
  private static Map<String, List<String>> requiresAnyOf(JsonNode s, String ptr) {
    JsonNode rules = s.get("x-requiresAnyOf");
    if (rules == null) {
      return Map.of();
    }
    String where = at(ptr, "x-requiresAnyOf");
    if (!rules.isObject()) {
      throw bad(where, "\"x-requiresAnyOf\" must be an object of arrays of property names, not "
          + JsonValues.describe(rules));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : rules.properties()) {
      List<String> names = new ArrayList<>();
      for (JsonNode n : elements(e.getValue(), at(where, e.getKey()), "x-requiresAnyOf")) {
        names.add(text(n, at(where, e.getKey()), "x-requiresAnyOf"));
      }
      if (names.isEmpty()) {
        throw bad(at(where, e.getKey()), "\"x-requiresAnyOf\" must list at least one name");
      }
      out.put(e.getKey(), List.copyOf(names));
    }
    return out;
  }

  /** {@code is required but missing (The customer's ID.)}, with the property's description. */
  private static String missingMessage(JsonNode property) {
    JsonNode description = property == null ? null : property.get("description");
    if (description == null || !description.isTextual() || description.textValue().isBlank()) {
      return "is required but missing";
    }
    String text = description.textValue().strip().replaceAll("\\s+", " ");
    if (text.length() > 200) {
      text = text.substring(0, 197) + "...";
    }
    return "is required but missing (" + text + ")";
  }

  private static void bound(JsonNode s, String ptr, String keyword, Kind kind, List<Check> out) {
    JsonNode v = s.get(keyword);
    if (v == null) {
      return;
    }
    if (!v.isNumber() || JsonValues.isNonFinite(v)) {
      throw bad(
          at(ptr, keyword),
          "\"" + keyword + "\" must be a number (as in 2020-12), not " + JsonValues.describe(v));
    }
    BigDecimal bound = v.decimalValue();
    out.add(new BoundCheck(kind, bound));
  }

  private static long count(JsonNode s, String ptr, String keyword) {
    JsonNode v = s.get(keyword);
    if (!v.isNumber() || !JsonValues.isIntegral(v) || !v.canConvertToLong() || v.longValue() < 0) {
      throw bad(
          at(ptr, keyword),
          "\"" + keyword + "\" must be a non-negative integer, not " + JsonValues.describe(v));
    }
    return v.longValue();
  }

  private static List<JsonNode> elements(JsonNode v, String ptr, String keyword) {
    if (!v.isArray()) {
      throw bad(ptr, "\"" + keyword + "\" must be an array, not " + JsonValues.describe(v));
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  private static String text(JsonNode v, String ptr, String keyword) {
    if (!v.isTextual()) {
      throw bad(ptr, "\"" + keyword + "\" must contain strings, not " + JsonValues.describe(v));
    }
    return v.textValue();
  }

  private static String hint(String keyword) {
    return switch (keyword) {
      case "$ref", "$defs", "definitions", "$anchor", "$dynamicRef" ->
          " (references are not supported; inline the referenced schema)";
      case "oneOf", "anyOf", "allOf", "if", "then", "else" ->
          " (combinators and conditionals are not supported)";
      case "nullable" -> " (use \"type\": [\"...\", \"null\"] instead)";
      default -> "";
    };
  }

  private static String at(String ptr, String token) {
    return SchemaValidator.pointerOf(ptr, token);
  }

  /** An exception naming the JSON pointer of the schema part that cannot be compiled. */
  static IllegalArgumentException bad(String ptr, String reason) {
    return new IllegalArgumentException("Cannot compile JSON Schema at \"" + ptr + "\": " + reason);
  }
}
