package ai.phinite.tools.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Converts argument values to JSON for request bodies, keeping explicit {@code null}s. Used by
 * generated code; records are converted by generated code before they get here.
 */
public final class Json {
  /**
   * The mapper every part of the runtime shares (thread-safe once configured). Decimals are read
   * as {@link BigDecimal}, exactly as written ({@code 12345678901234567.89} and {@code 2.50} go out
   * as they came in), never through {@code double}.
   */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** The JSON form of a value; {@code null} becomes a JSON {@code null}. */
  public static JsonNode node(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof JsonNode) {
      return (JsonNode) value;
    }
    if (value instanceof String) {
      return NODES.textNode((String) value);
    }
    if (value instanceof Boolean) {
      return NODES.booleanNode((Boolean) value);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return NODES.numberNode(((Number) value).intValue());
    }
    if (value instanceof Long) {
      return NODES.numberNode((Long) value);
    }
    if (value instanceof BigInteger) {
      return NODES.numberNode((BigInteger) value);
    }
    if (value instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) value);
    }
    if (value instanceof Number) {
      return NODES.numberNode(((Number) value).doubleValue());
    }
    if (value instanceof Enum<?>) {
      return NODES.textNode(((Enum<?>) value).name());
    }
    if (value instanceof Map<?, ?>) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        object.set(String.valueOf(e.getKey()), node(e.getValue()));
      }
      return object;
    }
    if (value instanceof Collection<?>) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : (Collection<?>) value) {
        array.add(node(element));
      }
      return array;
    }
    if (value instanceof Object[]) {
      ArrayNode array = NODES.arrayNode();
      for (Object element : (Object[]) value) {
        array.add(node(element));
      }
      return array;
    }
    throw new IllegalArgumentException(
        "No JSON form for " + value.getClass().getName() + "; generated code converts records");
  }

  /** A JSON array of the elements, each converted by {@code element}; {@code null} stays null. */
  public static <T> JsonNode list(Iterable<T> values, java.util.function.Function<T, JsonNode> element) {
    if (values == null) {
      return null;
    }
    ArrayNode array = NODES.arrayNode();
    for (T v : values) {
      array.add(v == null ? NODES.nullNode() : element.apply(v));
    }
    return array;
  }

  /** A JSON object of the entries, values converted by {@code value}; {@code null} stays null. */
  public static <T> JsonNode map(Map<String, T> values, java.util.function.Function<T, JsonNode> value) {
    if (values == null) {
      return null;
    }
    ObjectNode object = NODES.objectNode();
    values.forEach((k, v) -> object.set(k, v == null ? NODES.nullNode() : value.apply(v)));
    return object;
  }

  /** Parses JSON text known to be valid (constants written by the processor). */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + json, e);
    }
  }

  /**
   * The JSON of a nullable value: {@code null} for {@code Optional.empty()} (an explicit null),
   * else the JSON of the value.
   */
  public static JsonNode nullable(java.util.Optional<?> value) {
    return value.isEmpty() ? NODES.nullNode() : node(value.get());
  }

  /** The UTF-8 bytes of a JSON value. */
  public static byte[] bytes(JsonNode value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }

  /** The text a query or path value is sent as. */
  public static String text(Object value) {
    if (value instanceof Enum<?>) {
      return ((Enum<?>) value).name();
    }
    if (value instanceof JsonNode) {
      JsonNode node = (JsonNode) value;
      return node.isValueNode() ? node.asText() : node.toString();
    }
    return String.valueOf(value);
  }
}
