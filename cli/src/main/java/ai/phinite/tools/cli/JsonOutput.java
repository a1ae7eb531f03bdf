package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintWriter;

/**
 * How the command line writes JSON: results pretty-printed with two-space indentation
 * ({@code "key": value}, one array element per line), errors compact on one line.
 */
final class JsonOutput {
  private static final ObjectWriter PRETTY = Json.MAPPER.writer(pretty());
  private static final ObjectWriter COMPACT = Json.MAPPER.writer();

  private JsonOutput() {}

  private static DefaultPrettyPrinter pretty() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  /** The value pretty-printed, without a trailing line break. */
  static String pretty(JsonNode value) {
    return write(PRETTY, value);
  }

  /** The value on one line. */
  static String compact(JsonNode value) {
    return write(COMPACT, value);
  }

  /** Prints the value pretty-printed, followed by a line break. */
  static void print(PrintWriter out, JsonNode value) {
    out.println(pretty(value));
    out.flush();
  }

  private static String write(ObjectWriter writer, JsonNode value) {
    try {
      return writer.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }
}
