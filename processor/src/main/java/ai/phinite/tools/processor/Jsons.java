package ai.phinite.tools.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON in the processor with jackson-core alone. javac loads the processor in a fresh class loader
 * for every compilation, and building Jackson's {@code ObjectMapper} there cost every build a few
 * hundred milliseconds (measured by the benchmarks); parsing and writing trees needs none of it.
 */
final class Jsons {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Jsons() {}

  /** One JSON value; anything after it ("1 2") makes the text invalid. */
  static JsonNode read(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new IOException("no JSON value");
      }
      JsonNode value = value(p, first);
      if (p.nextToken() != null) {
        throw new IOException("more than one JSON value");
      }
      return value;
    }
  }

  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String name = p.currentName();
          object.set(name, value(p, p.nextToken()));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          array.add(value(p, t));
        }
        return array;
      }
      case VALUE_STRING: return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT: return NODES.numberNode(p.getIntValue());
          case LONG: return NODES.numberNode(p.getLongValue());
          default: return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT: return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE: return NODES.booleanNode(true);
      case VALUE_FALSE: return NODES.booleanNode(false);
      case VALUE_NULL: return NODES.nullNode();
      default: throw new IOException("unexpected " + token);
    }
  }

  /** The value on one line, as {@code JsonNode.toString()} writes it. */
  static String compact(JsonNode node) {
    return write(node, false);
  }

  /** The value indented by two spaces, one member per line: the descriptor's layout. */
  static String pretty(JsonNode node) {
    return write(node, true);
  }

  private static String write(JsonNode node, boolean pretty) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (pretty) {
        g.setPrettyPrinter(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      }
      tree(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void tree(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        g.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          g.writeFieldName(e.getKey());
          tree(g, e.getValue());
        }
        g.writeEndObject();
        break;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode element : node) {
          tree(g, element);
        }
        g.writeEndArray();
        break;
      case STRING:
        g.writeString(node.textValue());
        break;
      case NUMBER:
        switch (node.numberType()) {
          case INT: g.writeNumber(node.intValue()); break;
          case LONG: g.writeNumber(node.longValue()); break;
          case BIG_INTEGER: g.writeNumber(node.bigIntegerValue()); break;
          case BIG_DECIMAL: g.writeNumber(node.decimalValue()); break;
          case FLOAT: g.writeNumber(node.floatValue()); break;
          default: g.writeNumber(node.doubleValue()); break;
        }
        break;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        break;
      default:
        g.writeNull();
        break;
    }
  }
}
