package ai.phinite.tools.processor;

import ai.phinite.tools.processor.Model.Arg;
import ai.phinite.tools.processor.Model.Facts;
import ai.phinite.tools.processor.Model.Kind;
import ai.phinite.tools.processor.Model.ValueType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes the JSON Schema (2020-12) of a subtool's input: an object whose properties are the
 * arguments in declaration order, with every schema fact of {@code @Arg}. Only keywords the
 * runtime's validator enforces are written.
 */
final class SchemaWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Printable ASCII and tab: what the runtime accepts in a header value. */
  static final String HEADER_TEXT = "^[ -~\\t]*$";

  private SchemaWriter() {}

  static ObjectNode input(Model.Operation op) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    List<String> named = bodyNames(op);
    for (Model.Param p : op.params()) {
      ObjectNode property = argument(p.arg());
      // a merged entry may not repeat a named body field: said in the schema, so it is refused
      // with the other problems, before anything is sent
      java.util.LinkedHashSet<String> reserved = new java.util.LinkedHashSet<>(p.arg().facts().reservedKeys());
      if (p.binding() == Model.Binding.BODY_MERGE) {
        reserved.addAll(named);
      }
      if (!reserved.isEmpty()) {
        ArrayNode names = property.putObject("propertyNames").putObject("not").putArray("enum");
        reserved.forEach(names::add);
      }
      if (p.binding() == Model.Binding.PATH && p.arg().type().kind() == Kind.STRING
          && !property.has("minLength")) {
        property.put("minLength", 1);
      }
      if (p.binding() == Model.Binding.HEADER && p.arg().type().kind() == Kind.STRING
          && !property.has("pattern")) {
        property.put("pattern", HEADER_TEXT); // what an HTTP header can carry
      }
      properties.set(p.arg().name(), property);
      if (p.arg().facts().required()) {
        required.add(p.arg().name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    if (!op.atMostOneOf().isEmpty()) {
      ArrayNode exclusive = schema.putArray("x-exclusive");
      op.atMostOneOf().forEach(exclusive::add);
    }
    if (!op.requires().isEmpty()) {
      ObjectNode requires = schema.putObject("x-requiresAnyOf");
      for (Model.Requirement r : op.requires()) {
        r.anyOf().forEach(requires.putArray(r.arg())::add);
      }
    }
    return schema;
  }

  /** The top-level body properties an operation names (fields and constants), in order. */
  private static List<String> bodyNames(Model.Operation op) {
    java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
    if (op.http() != null) {
      op.http().constants().forEach(c -> names.add(top(c.field())));
    }
    for (Model.Param p : op.params()) {
      if (p.binding() == Model.Binding.BODY_FIELD) {
        names.add(top(p.wireName()));
      }
    }
    return List.copyOf(names);
  }

  private static String top(String field) {
    int dot = field.indexOf('.');
    return dot < 0 ? field : field.substring(0, dot);
  }

  static ObjectNode argument(Arg arg) {
    ObjectNode schema = type(arg.type());
    Facts f = arg.facts();
    // description first, so a reader sees what the argument is before its rules
    ObjectNode out = NODES.objectNode();
    if (!f.description().isEmpty()) {
      out.put("description", f.description());
    }
    out.setAll(schema);
    if (!f.jsonTypes().isEmpty()) {
      if (f.jsonTypes().size() == 1) {
        out.put("type", f.jsonTypes().get(0));
      } else {
        ArrayNode types = out.putArray("type");
        f.jsonTypes().forEach(types::add);
      }
    }
    if (!f.allowed().isEmpty()) {
      ArrayNode e = out.putArray("enum");
      f.allowed().forEach(e::add);
    }
    if (f.min() != null) {
      out.put("minimum", f.min());
    }
    if (f.max() != null) {
      out.put("maximum", f.max());
    }
    if (f.minLength() != null) {
      out.put("minLength", f.minLength());
    }
    if (f.maxLength() != null) {
      out.put("maxLength", f.maxLength());
    }
    if (f.maxBytes() != null) {
      out.put("x-maxBytes", f.maxBytes());
    }
    if (f.pattern() != null) {
      out.put("pattern", f.pattern());
    }
    if (f.format() != null) {
      out.put("format", f.format());
    }
    if (f.minItems() != null) {
      out.put("minItems", f.minItems());
    }
    if (f.maxItems() != null) {
      out.put("maxItems", f.maxItems());
    }
    if (f.minProperties() != null) {
      out.put("minProperties", f.minProperties());
    }
    if (f.maxProperties() != null) {
      out.put("maxProperties", f.maxProperties());
    }
    if (f.defaultJson() != null) {
      out.set("default", ArgReader.parse(f.defaultJson()));
    }
    if (!f.examplesJson().isEmpty()) {
      ArrayNode examples = out.putArray("examples");
      f.examplesJson().forEach(e -> examples.add(ArgReader.parse(e)));
    }
    if (f.nullable()) {
      allowNull(out);
    }
    return out;
  }

  /** An explicit null is accepted: {@code "null"} joins the type (and the enum, if any). */
  private static void allowNull(ObjectNode out) {
    com.fasterxml.jackson.databind.JsonNode type = out.get("type");
    if (type == null) {
      return; // any JSON value: null included
    }
    ArrayNode types = NODES.arrayNode();
    if (type.isArray()) {
      types.addAll((ArrayNode) type);
    } else {
      types.add(type.asText());
    }
    types.add("null");
    out.set("type", types);
    if (out.get("enum") instanceof ArrayNode e) {
      e.addNull();
    }
  }

  static ObjectNode type(ValueType t) {
    ObjectNode s = NODES.objectNode();
    switch (t.kind()) {
      case STRING -> s.put("type", "string");
      case INT -> {
        // a 32-bit value: the schema says so, as the runtime refuses anything wider
        s.put("type", "integer");
        s.put("minimum", Integer.MIN_VALUE);
        s.put("maximum", Integer.MAX_VALUE);
      }
      case LONG -> s.put("type", "integer");
      case DOUBLE, DECIMAL -> s.put("type", "number");
      case BOOLEAN -> s.put("type", "boolean");
      case ENUM -> {
        s.put("type", "string");
        ArrayNode e = s.putArray("enum");
        t.constants().forEach(e::add);
      }
      case LIST, ARRAY -> {
        s.put("type", "array");
        s.set("items", type(t.element()));
      }
      case SET -> {
        s.put("type", "array");
        s.set("items", type(t.element()));
        s.put("uniqueItems", true);
      }
      case MAP -> {
        s.put("type", "object");
        if (t.element().kind() != Kind.JSON_ANY) {
          s.set("additionalProperties", type(t.element()));
        }
      }
      case JSON_OBJECT -> s.put("type", "object");
      case JSON_ARRAY -> s.put("type", "array");
      case JSON_ANY -> { }
      case RECORD -> {
        s.put("type", "object");
        ObjectNode properties = s.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        List<Arg> components = t.components();
        for (Arg c : components) {
          properties.set(c.name(), argument(c));
          if (c.facts().required()) {
            required.add(c.name());
          }
        }
        if (!required.isEmpty()) {
          s.set("required", required);
        }
        s.put("additionalProperties", false);
      }
    }
    return s;
  }
}
