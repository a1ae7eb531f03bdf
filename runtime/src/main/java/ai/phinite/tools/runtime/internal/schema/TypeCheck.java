package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The {@code type} keyword: one or more of the seven JSON Schema type names. */
final class TypeCheck implements Check {
  private static final int OBJECT = 1;
  private static final int ARRAY = 2;
  private static final int STRING = 4;
  private static final int INTEGER = 8;
  private static final int NUMBER = 16;
  private static final int BOOLEAN = 32;
  private static final int NULL = 64;

  private final int allowed;
  private final String expected;

  /**
   * @param names the type names, in schema order, each one of {@link #isTypeName}, no duplicates
   */
  TypeCheck(List<String> names) {
    int bits = 0;
    List<String> phrases = new ArrayList<>();
    for (String name : names) {
      bits |= bit(name);
      phrases.add(phrase(name));
    }
    this.allowed = bits;
    this.expected = "must be " + JsonValues.join(phrases, "or") + ", not ";
  }

  /**
   * Compiles the value of a {@code type} keyword found at schema pointer {@code ptr}.
   *
   * @throws IllegalArgumentException if it is not a type name or a non-empty array of distinct ones
   */
  static TypeCheck parse(JsonNode t, String ptr) {
    List<String> names = new ArrayList<>();
    if (t.isTextual()) {
      names.add(t.textValue());
    } else if (t.isArray() && t.size() > 0) {
      t.forEach(n -> names.add(n.isTextual() ? n.textValue() : ""));
    }
    for (String name : names) {
      if (!isTypeName(name)) {
        throw SchemaCompiler.bad(
            ptr,
            "\"type\" must be one of object, array, string, integer, number, boolean, null"
                + " or a non-empty array of them; got "
                + JsonValues.render(t));
      }
    }
    if (names.isEmpty() || new LinkedHashSet<>(names).size() != names.size()) {
      throw SchemaCompiler.bad(
          ptr, "\"type\" must be a type name or a non-empty array of distinct type names");
    }
    return new TypeCheck(names);
  }

  /** Whether {@code name} is one of the seven type names. */
  static boolean isTypeName(String name) {
    return bit(name) != 0;
  }

  private static int bit(String name) {
    return switch (name) {
      case "object" -> OBJECT;
      case "array" -> ARRAY;
      case "string" -> STRING;
      case "integer" -> INTEGER;
      case "number" -> NUMBER;
      case "boolean" -> BOOLEAN;
      case "null" -> NULL;
      default -> 0;
    };
  }

  private static String phrase(String name) {
    return switch (name) {
      case "object" -> "an object";
      case "array" -> "an array";
      case "integer" -> "an integer";
      case "null" -> "null";
      default -> "a " + name;
    };
  }

  @Override
  public boolean check(JsonNode node, int depth, Problems problems) {
    if (matches(node)) {
      return true;
    }
    if (problems != null) {
      problems.add(expected + JsonValues.describe(node));
    }
    return false;
  }

  private boolean matches(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return (allowed & OBJECT) != 0;
      case ARRAY:
        return (allowed & ARRAY) != 0;
      case STRING:
        return (allowed & STRING) != 0;
      case NUMBER:
        return (allowed & NUMBER) != 0 || ((allowed & INTEGER) != 0 && JsonValues.isIntegral(node));
      case BOOLEAN:
        return (allowed & BOOLEAN) != 0;
      case NULL:
        return (allowed & NULL) != 0;
      default:
        return false;
    }
  }
}
