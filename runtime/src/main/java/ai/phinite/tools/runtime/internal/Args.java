package ai.phinite.tools.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Reads arguments that have already been validated against the subtool's schema. Used by
 * generated dispatch code; an absent or {@code null} argument reads as the given default (or
 * {@code null}).
 */
public final class Args {
  private Args() {}

  private static JsonNode get(JsonNode args, String name) {
    JsonNode v = args.get(name);
    return v == null || v.isNull() ? null : v;
  }

  /** A string argument, or {@code dflt}. */
  public static String string(JsonNode args, String name, String dflt) {
    JsonNode v = get(args, name);
    return v == null ? dflt : v.asText();
  }

  /** An integer argument, or {@code dflt}. */
  public static Integer integer(JsonNode args, String name, Integer dflt) {
    JsonNode v = get(args, name);
    if (v != null && !v.canConvertToInt()) {
      // never wrap silently: 3000000000 would otherwise be sent as -1294967296
      throw ai.phinite.tools.runtime.InvalidInputException.argument("/" + name, "must be at most"
          + " 2147483647 and at least -2147483648 (a 32-bit integer); got " + v.asText());
    }
    return v == null ? dflt : Integer.valueOf(v.asInt());
  }

  /** A long argument, or {@code dflt}. */
  public static Long longValue(JsonNode args, String name, Long dflt) {
    JsonNode v = get(args, name);
    if (v != null && !v.canConvertToLong()) {
      throw ai.phinite.tools.runtime.InvalidInputException.argument("/" + name,
          "must fit in a 64-bit integer; got " + v.asText());
    }
    return v == null ? dflt : Long.valueOf(v.asLong());
  }

  /** A floating-point argument, or {@code dflt}. */
  public static Double number(JsonNode args, String name, Double dflt) {
    JsonNode v = get(args, name);
    return v == null ? dflt : Double.valueOf(v.asDouble());
  }

  /** A decimal argument, or {@code dflt}. */
  public static BigDecimal decimal(JsonNode args, String name, BigDecimal dflt) {
    JsonNode v = get(args, name);
    return v == null ? dflt : v.decimalValue();
  }

  /** A boolean argument, or {@code dflt}. */
  public static Boolean bool(JsonNode args, String name, Boolean dflt) {
    JsonNode v = get(args, name);
    return v == null ? dflt : Boolean.valueOf(v.asBoolean());
  }

  /** A JSON argument as given (explicit {@code null}s inside it kept), or {@code null}. */
  public static JsonNode node(JsonNode args, String name) {
    return get(args, name);
  }

  /** A JSON object argument as given, or {@code null}. */
  public static ObjectNode object(JsonNode args, String name) {
    JsonNode v = get(args, name);
    return v instanceof ObjectNode ? (ObjectNode) v : null;
  }

  /**
   * A nullable argument ({@code @Arg(nullable = true)}): {@code null} when left out,
   * {@code Optional.empty()} for an explicit JSON {@code null}, else the value read by
   * {@code value}.
   */
  public static <T> java.util.Optional<T> nullable(JsonNode args, String name,
      Function<JsonNode, T> value) {
    JsonNode v = args.get(name);
    if (v == null || v.isMissingNode()) {
      return null;
    }
    return v.isNull() ? java.util.Optional.empty() : java.util.Optional.of(value.apply(v));
  }

  /** A list argument whose elements are read by {@code element}, or {@code null}. */
  public static <T> List<T> list(JsonNode args, String name, Function<JsonNode, T> element) {
    JsonNode v = get(args, name);
    return v == null ? null : listOf(v, element);
  }

  /** A set argument whose elements are read by {@code element}, or {@code null}. */
  public static <T> Set<T> set(JsonNode args, String name, Function<JsonNode, T> element) {
    JsonNode v = get(args, name);
    return v == null ? null : setOf(v, element);
  }

  /** A map argument whose values are read by {@code value}, or {@code null}. */
  public static <T> Map<String, T> map(JsonNode args, String name, Function<JsonNode, T> value) {
    JsonNode v = get(args, name);
    return v == null ? null : mapOf(v, value);
  }

  /** The elements of a JSON array, each read by {@code element} ({@code null} stays null). */
  public static <T> List<T> listOf(JsonNode array, Function<JsonNode, T> element) {
    List<T> out = new ArrayList<>(array.size());
    for (JsonNode e : array) {
      out.add(e.isNull() ? null : element.apply(e));
    }
    return out;
  }

  /** The elements of a JSON array as a set, in order. */
  public static <T> Set<T> setOf(JsonNode array, Function<JsonNode, T> element) {
    return new LinkedHashSet<>(listOf(array, element));
  }

  /** The entries of a JSON object, values read by {@code value} (explicit nulls kept). */
  public static <T> Map<String, T> mapOf(JsonNode object, Function<JsonNode, T> value) {
    Map<String, T> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(
        e -> out.put(e.getKey(), e.getValue().isNull() ? null : value.apply(e.getValue())));
    return out;
  }

  /** A list as an array, or {@code null}. */
  public static <T> T[] array(List<T> list, IntFunction<T[]> newArray) {
    return list == null ? null : list.toArray(newArray.apply(list.size()));
  }

  /** Element reader for strings. */
  public static String asString(JsonNode node) {
    return node.asText();
  }

  /** Element reader for integers; one out of range is refused, never wrapped. */
  public static Integer asInteger(JsonNode node) {
    if (!node.canConvertToInt()) {
      throw ai.phinite.tools.runtime.InvalidInputException.argument("",
          "an integer in a list must fit in 32 bits; got " + node.asText());
    }
    return node.asInt();
  }

  /** Element reader for longs; one out of range is refused, never wrapped. */
  public static Long asLong(JsonNode node) {
    if (!node.canConvertToLong()) {
      throw ai.phinite.tools.runtime.InvalidInputException.argument("",
          "an integer in a list must fit in 64 bits; got " + node.asText());
    }
    return node.asLong();
  }

  /** Element reader for doubles. */
  public static Double asDouble(JsonNode node) {
    return node.asDouble();
  }

  /** Element reader for decimals. */
  public static BigDecimal asDecimal(JsonNode node) {
    return node.decimalValue();
  }

  /** Element reader for booleans. */
  public static Boolean asBoolean(JsonNode node) {
    return node.asBoolean();
  }

  /** Element reader for any JSON value. */
  public static JsonNode asNode(JsonNode node) {
    return node;
  }

  /** Element reader for plain Java values (maps, lists, strings, numbers, booleans). */
  public static Object asJava(JsonNode node) {
    return Json.MAPPER.convertValue(node, Object.class);
  }
}
