package ai.phinite.tools.runtime.export;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The formats a tool's descriptor can be exported in. */
public enum ExportFormat {
  /** The Graph Studio descriptor, as generated (subtools filtered by the selection). */
  GRAPH_STUDIO("graph-studio"),
  /** Model Context Protocol {@code tools/list} entries. */
  MCP("mcp"),
  /** OpenAI function tools ({@code type: function}), strict where the schema allows. */
  OPENAI("openai"),
  /** Anthropic Messages API tools ({@code name}, {@code description}, {@code input_schema}). */
  ANTHROPIC("anthropic"),
  /**
   * Gemini function declarations ({@code {"tools": [{"functionDeclarations": [...]}]}}), their
   * parameters in the Gemini API's OpenAPI 3.0 subset.
   */
  GEMINI("gemini");

  private final String id;

  ExportFormat(String id) {
    this.id = id;
  }

  /** The name used on the command line and in file names. */
  public String id() {
    return id;
  }

  /**
   * The format with this name.
   *
   * @throws IllegalArgumentException naming the formats there are
   */
  public static ExportFormat parse(String name) {
    for (ExportFormat f : values()) {
      if (f.id.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Unknown format '" + name + "'; use one of "
        + Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", ")));
  }
}
