package ai.phinite.tools.processor;

import ai.phinite.tools.processor.Model.Arg;
import ai.phinite.tools.processor.Model.Kind;
import ai.phinite.tools.processor.Model.ValueType;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The code that moves values between JSON and Java: reading validated arguments (provider side)
 * and turning records into JSON (client side). Records get one generated method each, named here.
 */
final class Conversions {
  private final ClassName provider;
  private final Map<String, ValueType> records = new LinkedHashMap<>();
  private final Map<String, String> methodNames = new LinkedHashMap<>();
  private int lambdas;

  Conversions(ClassName provider) {
    this.provider = provider;
  }

  /** Registers every record reachable from a type. */
  void collect(ValueType t) {
    if (t == null) {
      return;
    }
    if (t.kind() == Kind.RECORD) {
      String name = t.typeElement().getQualifiedName().toString();
      if (!records.containsKey(name)) {
        records.put(name, t);
        String simple = String.join("_", ClassName.get(t.typeElement()).simpleNames());
        String method = simple;
        for (int i = 2; methodNames.containsValue(method); i++) {
          method = simple + i;
        }
        methodNames.put(name, method);
        t.components().forEach(c -> collect(c.type()));
      }
    }
    collect(t.element());
  }

  Map<String, ValueType> records() {
    return records;
  }

  String readMethod(ValueType record) {
    return "read" + methodNames.get(record.typeElement().getQualifiedName().toString());
  }

  String jsonMethod(ValueType record) {
    return "json" + methodNames.get(record.typeElement().getQualifiedName().toString());
  }

  static boolean containsRecord(ValueType t) {
    return t != null && (t.kind() == Kind.RECORD || containsRecord(t.element()));
  }

  /** Reads argument {@code name} of the object {@code args} as the parameter's Java type. */
  CodeBlock read(String args, Arg arg) {
    ValueType t = arg.type();
    String n = arg.name();
    String d = arg.facts().defaultJson();
    if (arg.facts().nullable()) {
      // absent: null; explicit null: Optional.empty(); a value: Optional.of(value)
      return CodeBlock.of("$T.nullable($L, $S, $L)", Naming.ARGS, args, n, reader(t));
    }
    switch (t.kind()) {
      case STRING:
        return d == null ? CodeBlock.of("$T.string($L, $S, null)", Naming.ARGS, args, n)
            : CodeBlock.of("$T.string($L, $S, $S)", Naming.ARGS, args, n, ArgReader.parse(d).asText());
      case INT:
        return CodeBlock.of("$T.integer($L, $S, $L)", Naming.ARGS, args, n, d == null ? "null" : d);
      case LONG:
        return CodeBlock.of("$T.longValue($L, $S, $L)", Naming.ARGS, args, n, d == null ? "null" : d + "L");
      case DOUBLE:
        return CodeBlock.of("$T.number($L, $S, $L)", Naming.ARGS, args, n, d == null ? "null" : d + "d");
      case DECIMAL:
        return d == null ? CodeBlock.of("$T.decimal($L, $S, null)", Naming.ARGS, args, n)
            : CodeBlock.of("$T.decimal($L, $S, new $T($S))", Naming.ARGS, args, n, BigDecimal.class, d);
      case BOOLEAN:
        return CodeBlock.of("$T.bool($L, $S, $L)", Naming.ARGS, args, n, d == null ? "null" : d);
      case ENUM: {
        TypeName e = TypeName.get(t.mirror());
        CodeBlock dflt = d == null ? CodeBlock.of("null")
            : CodeBlock.of("$T.$L", e, ArgReader.parse(d).asText());
        return CodeBlock.of("$L.hasNonNull($S) ? $T.valueOf($L.get($S).asText()) : $L",
            args, n, e, args, n, dflt);
      }
      case JSON_OBJECT:
        return t.mirror().toString().endsWith("ObjectNode")
            ? CodeBlock.of("$T.object($L, $S)", Naming.ARGS, args, n)
            : CodeBlock.of("$T.node($L, $S)", Naming.ARGS, args, n);
      case JSON_ARRAY:
        return CodeBlock.of("($T) $T.node($L, $S)", Naming.ARRAY_NODE, Naming.ARGS, args, n);
      case LIST:
        return CodeBlock.of("$T.list($L, $S, $L)", Naming.ARGS, args, n, reader(t.element()));
      case SET:
        return CodeBlock.of("$T.set($L, $S, $L)", Naming.ARGS, args, n, reader(t.element()));
      case ARRAY:
        return CodeBlock.of("$T.array($T.list($L, $S, $L), $T[]::new)", Naming.ARGS, Naming.ARGS,
            args, n, reader(t.element()), TypeName.get(t.element().mirror()));
      case MAP:
        return CodeBlock.of("$T.map($L, $S, $L)", Naming.ARGS, args, n, reader(t.element()));
      case RECORD:
        return CodeBlock.of("$L.hasNonNull($S) ? $L($L.get($S)) : null", args, n, readMethod(t), args, n);
      default:
        throw new IllegalStateException("No reader for " + t.kind());
    }
  }

  /** A {@code Function<JsonNode, T>} reading one element of a collection or map. */
  CodeBlock reader(ValueType t) {
    switch (t.kind()) {
      case STRING: return CodeBlock.of("$T::asString", Naming.ARGS);
      case INT: return CodeBlock.of("$T::asInteger", Naming.ARGS);
      case LONG: return CodeBlock.of("$T::asLong", Naming.ARGS);
      case DOUBLE: return CodeBlock.of("$T::asDouble", Naming.ARGS);
      case DECIMAL: return CodeBlock.of("$T::asDecimal", Naming.ARGS);
      case BOOLEAN: return CodeBlock.of("$T::asBoolean", Naming.ARGS);
      case ENUM: {
        String v = "e" + (lambdas++);
        return CodeBlock.of("$L -> $T.valueOf($L.asText())", v, TypeName.get(t.mirror()), v);
      }
      case JSON_ANY:
        return t.mirror().toString().equals("java.lang.Object")
            ? CodeBlock.of("$T::asJava", Naming.ARGS) : CodeBlock.of("$T::asNode", Naming.ARGS);
      case JSON_OBJECT: {
        String v = "e" + (lambdas++);
        return CodeBlock.of("$L -> ($T) $L", v, Naming.OBJECT_NODE, v);
      }
      case JSON_ARRAY: {
        String v = "e" + (lambdas++);
        return CodeBlock.of("$L -> ($T) $L", v, Naming.ARRAY_NODE, v);
      }
      case LIST: case SET: {
        String v = "e" + (lambdas++);
        return CodeBlock.of("$L -> $T.$L($L, $L)", v, Naming.ARGS,
            t.kind() == Kind.SET ? "setOf" : "listOf", v, reader(t.element()));
      }
      case ARRAY: {
        String v = "e" + (lambdas++);
        return CodeBlock.of("$L -> $T.array($T.listOf($L, $L), $T[]::new)", v, Naming.ARGS,
            Naming.ARGS, v, reader(t.element()), TypeName.get(t.element().mirror()));
      }
      case MAP: {
        String v = "e" + (lambdas++);
        return CodeBlock.of("$L -> $T.mapOf($L, $L)", v, Naming.ARGS, v, reader(t.element()));
      }
      case RECORD: return CodeBlock.of("$T::$L", provider, readMethod(t));
      default:
        throw new IllegalStateException("No element reader for " + t.kind());
    }
  }

  /**
   * The value to hand to the request builder for a Java value: as is, unless a record hides in it,
   * which is turned into JSON by its generated method.
   */
  CodeBlock toJson(CodeBlock value, ValueType t) {
    if (!containsRecord(t)) {
      return value;
    }
    switch (t.kind()) {
      case RECORD:
        return CodeBlock.of("$L($L)", jsonMethod(t), value);
      case LIST: case SET: case ARRAY: {
        String v = "e" + (lambdas++);
        CodeBlock iterable = t.kind() == Kind.ARRAY
            ? CodeBlock.of("$T.asList($L)", java.util.Arrays.class, value) : value;
        return CodeBlock.of("$T.list($L, $L -> $L)", Naming.JSON, iterable, v,
            toJson(CodeBlock.of("$L", v), t.element()));
      }
      case MAP: {
        String v = "e" + (lambdas++);
        return CodeBlock.of("$T.map($L, $L -> $L)", Naming.JSON, value, v,
            toJson(CodeBlock.of("$L", v), t.element()));
      }
      default:
        return value;
    }
  }
}
