package ai.phinite.tools.processor;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.processor.Model.Facts;
import ai.phinite.tools.processor.Model.Kind;
import ai.phinite.tools.processor.Model.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Reads an argument: its Java type into a {@link ValueType} and its {@link Arg} into
 * {@link Facts}, checking every fact against the type.
 */
final class ArgReader {
  private static final Set<String> FORMATS = Set.of("email", "uri", "date-time", "unix-seconds");
  private static final List<String> JSON_TYPES =
      List.of("string", "integer", "number", "boolean", "object", "array");

  private final ProcessingEnvironment env;
  private final Report report;
  private final Set<String> recordsInProgress = new HashSet<>();

  ArgReader(ProcessingEnvironment env, Report report) {
    this.env = env;
    this.report = report;
  }

  /**
   * Reads one argument; {@code documented} says whether the agent sees it (then {@code @Arg} is
   * mandatory). Returns {@code null} after reporting when it is not valid.
   */
  Model.Arg read(Element element, TypeMirror type, boolean documented) {
    Arg arg = element.getAnnotation(Arg.class);
    AnnotationMirror mirror = Report.mirror(element, Arg.class);
    String javaName = element.getSimpleName().toString();
    if (arg == null && documented) {
      report.error(element, Messages.missingArg(javaName));
      return null;
    }
    String name = arg == null || arg.name().isEmpty() ? Naming.snakeCase(javaName) : arg.name();
    boolean ok = true;
    if (!Naming.LLM_NAME.matcher(name).matches()) {
      report.error(element, mirror, "name", Messages.badName("Argument name", name));
      ok = false;
    }
    // @Arg(nullable = true) takes Optional<T>: null = left out, Optional.empty() = send null
    TypeMirror optional = NullableArgs.optionalElement(type);
    boolean nullable = arg != null && arg.nullable();
    if (optional != null && !nullable) {
      report.error(element, Messages.optionalWithoutNullable(javaName, type.toString()));
      return null;
    }
    if (optional == null && nullable) {
      report.error(element, mirror, "nullable", Messages.nullableNeedsOptional(javaName, type.toString()));
      return null;
    }
    ValueType valueType = type(element, optional != null ? optional : type, true);
    if (valueType == null) {
      return null;
    }
    if (arg == null) {
      // without @Arg every value is required: primitives and path values cannot be left out
      return ok ? new Model.Arg(name, javaName, valueType, UNDOCUMENTED) : null;
    }
    if (arg.value().isBlank()) {
      report.error(element, mirror, "value", Messages.blank("Argument \"" + name + "\"", "description"));
      ok = false;
    }
    Facts facts = facts(element, mirror, arg, name, valueType);
    return ok && facts != null ? new Model.Arg(name, javaName, valueType, facts) : null;
  }

  /** The facts of an argument the agent never sees (of an operation that is not a subtool). */
  private static final Facts UNDOCUMENTED = new Facts("", true, null, List.of(), null, null, null,
      null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(), false);

  private Facts facts(Element e, AnnotationMirror m, Arg arg, String name, ValueType t) {
    int before = report.errorCount();
    boolean required = arg.required();
    if (t.primitive() && !required) {
      report.error(e, m, "required", Messages.primitiveOptional(e.getSimpleName().toString()));
    }
    Long min = arg.min() == Long.MIN_VALUE ? null : arg.min();
    Long max = arg.max() == Long.MAX_VALUE ? null : arg.max();
    Integer minLength = arg.minLength() < 0 ? null : arg.minLength();
    Integer maxLength = arg.maxLength() < 0 ? null : arg.maxLength();
    Integer maxBytes = arg.maxBytes() < 0 ? null : arg.maxBytes();
    Integer minItems = arg.minItems() < 0 ? null : arg.minItems();
    Integer maxItems = arg.maxItems() < 0 ? null : arg.maxItems();
    Integer minProps = arg.minProperties() < 0 ? null : arg.minProperties();
    Integer maxProps = arg.maxProperties() < 0 ? null : arg.maxProperties();
    String pattern = arg.pattern().isEmpty() ? null : arg.pattern();
    String format = arg.format().isEmpty() ? null : arg.format();
    List<String> allowed = List.of(arg.allowed());
    boolean numeric = t.kind() == Kind.INT || t.kind() == Kind.LONG || t.kind() == Kind.DOUBLE
        || t.kind() == Kind.DECIMAL;
    boolean string = t.kind() == Kind.STRING;
    boolean list = t.kind() == Kind.LIST || t.kind() == Kind.SET || t.kind() == Kind.ARRAY;
    boolean object = t.kind() == Kind.MAP || t.kind() == Kind.JSON_OBJECT || t.kind() == Kind.RECORD;
    if ((min != null || max != null) && !numeric) {
      report.error(e, m, min != null ? "min" : "max",
          Messages.badBound(name, "has min/max, which apply only to numbers; remove them"));
    } else if (min != null && max != null && min > max) {
      report.error(e, m, "min", Messages.badBound(name, "has min " + min + " above max " + max));
    }
    if ((minLength != null || maxLength != null || maxBytes != null || pattern != null) && !string) {
      report.error(e, m, "pattern", Messages.badBound(name,
          "has minLength/maxLength/maxBytes/pattern, which apply only to strings; remove them"));
    }
    if (minLength != null && maxLength != null && minLength > maxLength) {
      report.error(e, m, "minLength",
          Messages.badBound(name, "has minLength " + minLength + " above maxLength " + maxLength));
    }
    if (pattern != null) {
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException ex) {
        report.error(e, m, "pattern", Messages.badBound(name,
            "has a pattern that does not compile (" + ex.getDescription() + "); fix the regular expression"));
      }
    }
    if ((minItems != null || maxItems != null) && !list) {
      report.error(e, m, minItems != null ? "minItems" : "maxItems",
          Messages.badBound(name, "has minItems/maxItems, which apply only to lists; remove them"));
    }
    if (arg.reservedKeys().length > 0 && t.kind() != Kind.MAP && t.kind() != Kind.JSON_OBJECT) {
      report.error(e, m, "reservedKeys", Messages.badBound(name,
          "has reservedKeys, which apply only to open objects (a Map or ObjectNode); remove them"));
    }
    if ((minProps != null || maxProps != null) && !object) {
      report.error(e, m, "minProperties", Messages.badBound(name,
          "has minProperties/maxProperties, which apply only to objects; remove them"));
    }
    if (!allowed.isEmpty() && !string) {
      report.error(e, m, "allowed", Messages.badBound(name,
          "has allowed values, which apply only to strings (use a Java enum otherwise)"));
    }
    if (format != null) {
      boolean fits = format.equals("unix-seconds")
          ? (t.kind() == Kind.INT || t.kind() == Kind.LONG) : string;
      if (!FORMATS.contains(format)) {
        report.error(e, m, "format", Messages.badBound(name,
            "has the unknown format \"" + format + "\"; use one of " + new java.util.TreeSet<>(FORMATS)));
      } else if (!fits) {
        report.error(e, m, "format", Messages.badBound(name, "has the format \"" + format
            + "\", which does not apply to its type"));
      }
    }
    for (String jsonType : arg.jsonTypes()) {
      if (t.kind() != Kind.JSON_OBJECT || !t.mirror().toString().endsWith(".JsonNode")) {
        report.error(e, m, "jsonTypes", Messages.badBound(name,
            "has jsonTypes, which apply only to a JsonNode argument; declare it as JsonNode"));
        break;
      }
      if (!JSON_TYPES.contains(jsonType)) {
        report.error(e, m, "jsonTypes", Messages.badBound(name, "has the unknown JSON type \""
            + jsonType + "\"; use " + JSON_TYPES));
        break;
      }
    }
    if (report.errorCount() > before) {
      return null;
    }
    Facts partial = new Facts(arg.value(), required, null, allowed, min, max, minLength, maxLength,
        maxBytes, pattern, minItems, maxItems, minProps, maxProps, format, List.of(), List.of(),
        List.of(), arg.nullable());
    String defaultJson = null;
    if (!arg.defaultValue().isEmpty()) {
      if (required) {
        report.error(e, m, "defaultValue", Messages.defaultOnRequired(name));
        return null;
      }
      if (arg.nullable()) {
        report.error(e, m, "defaultValue", Messages.defaultOnNullable(name));
        return null;
      }
      Object parsed = scalar(arg.defaultValue(), t, partial);
      if (parsed instanceof String why) {
        report.error(e, m, "defaultValue", Messages.badDefault(name, arg.defaultValue(), why));
        return null;
      }
      defaultJson = Jsons.compact((JsonNode) parsed);
    }
    List<String> examples = new ArrayList<>();
    for (String example : arg.examples()) {
      Object parsed = t.isScalar() ? scalar(example, t, partial) : json(example);
      if (parsed instanceof String why) {
        report.error(e, m, "examples", Messages.badBound(name,
            "has the example \"" + example + "\", which " + why));
        return null;
      }
      examples.add(Jsons.compact((JsonNode) parsed));
    }
    return new Facts(arg.value(), required, defaultJson, allowed, min, max, minLength, maxLength,
        maxBytes, pattern, minItems, maxItems, minProps, maxProps, format, List.copyOf(examples),
        List.of(arg.jsonTypes()), List.of(arg.reservedKeys()), arg.nullable());
  }

  private static Object json(String text) {
    try {
      return Jsons.read(text);
    } catch (Exception ex) {
      return "is not valid JSON";
    }
  }

  /** The JSON node of a scalar written as text, or a String saying why it is not acceptable. */
  static Object scalar(String text, ValueType t, Facts f) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (t.kind()) {
      case STRING: {
        if (!f.allowed().isEmpty() && !f.allowed().contains(text)) {
          return "is not one of the allowed values " + f.allowed();
        }
        int length = text.codePointCount(0, text.length());
        if (f.minLength() != null && length < f.minLength()) {
          return "is shorter than minLength " + f.minLength();
        }
        if (f.maxLength() != null && length > f.maxLength()) {
          return "is longer than maxLength " + f.maxLength();
        }
        if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(text).find()) {
          return "does not match the pattern " + f.pattern();
        }
        return nodes.textNode(text);
      }
      case ENUM:
        return t.constants().contains(text) ? nodes.textNode(text)
            : "is not one of the enum constants " + t.constants();
      case BOOLEAN:
        return text.equals("true") || text.equals("false") ? nodes.booleanNode(Boolean.parseBoolean(text))
            : "is not true or false";
      case INT:
      case LONG: {
        long v;
        try {
          v = Long.parseLong(text);
        } catch (NumberFormatException ex) {
          return "does not parse as an integer";
        }
        if (t.kind() == Kind.INT && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
          return "does not fit in an int";
        }
        return bounded(new BigDecimal(v), f) == null ? nodes.numberNode(v) : bounded(new BigDecimal(v), f);
      }
      case DOUBLE:
      case DECIMAL: {
        BigDecimal v;
        try {
          v = new BigDecimal(text);
        } catch (NumberFormatException ex) {
          return "does not parse as a number";
        }
        return bounded(v, f) == null ? nodes.numberNode(v) : bounded(v, f);
      }
      default:
        return "cannot be written for a " + t.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " argument (defaults are for strings, numbers, booleans and enums)";
    }
  }

  private static String bounded(BigDecimal v, Facts f) {
    if (f.min() != null && v.compareTo(BigDecimal.valueOf(f.min())) < 0) {
      return "is below min " + f.min();
    }
    if (f.max() != null && v.compareTo(BigDecimal.valueOf(f.max())) > 0) {
      return "is above max " + f.max();
    }
    return null;
  }

  /** Maps a Java type; reports and returns {@code null} when it is not supported. */
  ValueType type(Element where, TypeMirror type, boolean topLevel) {
    String what = "Argument " + where.getSimpleName();
    switch (type.getKind()) {
      case INT: case SHORT: case BYTE:
        return simple(Kind.INT, type, true);
      case LONG:
        return simple(Kind.LONG, type, true);
      case DOUBLE: case FLOAT:
        return simple(Kind.DOUBLE, type, true);
      case BOOLEAN:
        return simple(Kind.BOOLEAN, type, true);
      case ARRAY: {
        TypeMirror component = ((ArrayType) type).getComponentType();
        if (component.getKind().isPrimitive()) {
          report.error(where, Messages.unsupportedType(what, type.toString(),
              "use a List of the boxed type instead"));
          return null;
        }
        ValueType element = type(where, component, false);
        return element == null ? null : new ValueType(Kind.ARRAY, type, false, element, List.of(), List.of(), null);
      }
      case DECLARED:
        break;
      default:
        report.error(where, Messages.unsupportedType(what, type.toString(), supported()));
        return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    switch (name) {
      case "java.lang.String": return simple(Kind.STRING, type, false);
      case "java.lang.Integer": case "java.lang.Short": case "java.lang.Byte":
        return simple(Kind.INT, type, false);
      case "java.lang.Long": return simple(Kind.LONG, type, false);
      case "java.lang.Double": case "java.lang.Float": return simple(Kind.DOUBLE, type, false);
      case "java.math.BigDecimal": return simple(Kind.DECIMAL, type, false);
      case "java.lang.Boolean": return simple(Kind.BOOLEAN, type, false);
      case "com.fasterxml.jackson.databind.JsonNode":
        return simple(topLevel ? Kind.JSON_OBJECT : Kind.JSON_ANY, type, false);
      case "com.fasterxml.jackson.databind.node.ObjectNode": return simple(Kind.JSON_OBJECT, type, false);
      case "com.fasterxml.jackson.databind.node.ArrayNode": return simple(Kind.JSON_ARRAY, type, false);
      case "java.lang.Object":
        if (!topLevel) {
          return simple(Kind.JSON_ANY, type, false);
        }
        break;
      case "java.util.List": case "java.util.Collection": case "java.util.Set": {
        if (declared.getTypeArguments().size() != 1) {
          break;
        }
        ValueType item = type(where, declared.getTypeArguments().get(0), false);
        return item == null ? null : new ValueType(name.equals("java.util.Set") ? Kind.SET : Kind.LIST,
            type, false, item, List.of(), List.of(), null);
      }
      case "java.util.Map": {
        List<? extends TypeMirror> args = declared.getTypeArguments();
        if (args.size() != 2 || !args.get(0).toString().equals("java.lang.String")) {
          report.error(where, Messages.unsupportedType(what, type.toString(),
              "a map argument is a JSON object, so its keys must be String: Map<String, V>"));
          return null;
        }
        ValueType value = type(where, args.get(1), false);
        return value == null ? null : new ValueType(Kind.MAP, type, false, value, List.of(), List.of(), null);
      }
      default:
        break;
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = new ArrayList<>();
      for (Element e : element.getEnclosedElements()) {
        if (e.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(e.getSimpleName().toString());
        }
      }
      return new ValueType(Kind.ENUM, type, false, null, List.copyOf(constants), List.of(), element);
    }
    if (element.getKind() == ElementKind.RECORD) {
      return record(where, type, element);
    }
    report.error(where, Messages.unsupportedType(what, type.toString(), supported()));
    return null;
  }

  private ValueType record(Element where, TypeMirror type, TypeElement element) {
    String name = element.getQualifiedName().toString();
    if (!recordsInProgress.add(name)) {
      report.error(where, Messages.unsupportedType("Argument " + where.getSimpleName(), name,
          "a record cannot contain itself; flatten the recursion or use JsonNode"));
      return null;
    }
    try {
      List<Model.Arg> components = new ArrayList<>();
      Set<String> names = new HashSet<>();
      boolean ok = true;
      for (RecordComponentElement c : element.getRecordComponents()) {
        Model.Arg arg = read(c, c.asType(), true);
        if (arg == null) {
          ok = false;
        } else if (!names.add(arg.name())) {
          report.error(c, Messages.duplicateArgument(arg.name()));
          ok = false;
        } else {
          components.add(arg);
        }
      }
      return ok ? new ValueType(Kind.RECORD, type, false, null, List.of(), List.copyOf(components), element) : null;
    } finally {
      recordsInProgress.remove(name);
    }
  }

  private static ValueType simple(Kind kind, TypeMirror type, boolean primitive) {
    return new ValueType(kind, type, primitive, null, List.of(), List.of(), null);
  }

  private static String supported() {
    return "use String, int, long, double, boolean (or their boxes), BigDecimal, an enum, a record,"
        + " List/Set/array of those, Map<String, V>, or Jackson's JsonNode/ObjectNode";
  }

  static JsonNode parse(String json) {
    try {
      return Jsons.read(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
