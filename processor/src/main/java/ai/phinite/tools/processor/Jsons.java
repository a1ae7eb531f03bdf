package ai.phinite.tools.processor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import ai.phinite.tools.runtime.internal.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON in the processor without Jackson's {@code ObjectMapper}: javac loads the processor in a
 * fresh class loader for every compilation, and building a mapper there cost every build a few
 * hundred milliseconds (measured by the benchmarks). Trees are read by the runtime's
 * {@link JsonTrees} and written here with jackson-core.
 */
final class Jsons {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Jsons() {}

  /** One JSON value; anything after it ("1 2") makes the text invalid. */
  static JsonNode read(String text) throws IOException {
    return JsonTrees.read(new java.io.ByteArrayInputStream(
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
