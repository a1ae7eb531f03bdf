package ai.phinite.tools.runtime.export;

import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Exports generated descriptors for Graph Studio and for agent hosts — one source of truth, no
 * second schema generator. Agent-host formats are {@code {"tools": [...]}}, the shape each host's
 * API takes (MCP's {@code tools/list} result; the {@code tools} of an OpenAI or Anthropic request).
 *
 * <p>Names are {@code <tool>_<subtool>} when {@code prefix} is set, so several tools can share one
 * namespace (an MCP server, an agent's tool list).
 */
public final class ToolExport {
  /** The name rule of OpenAI functions and Anthropic tools (the strictest of the hosts). */
  public static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ToolExport() {}

  /** One tool in one format: the document written to {@code <tool>.<format>.json}. */
  public static ObjectNode export(ToolDescriptor tool, ExportFormat format,
      SubtoolSelection selection, boolean prefix) {
    if (format == ExportFormat.GRAPH_STUDIO) {
      return graphStudio(tool, selection);
    }
    if (format == ExportFormat.GEMINI) {
      ObjectNode doc = NODES.objectNode();
      ArrayNode declarations = doc.putArray("tools").addObject().putArray("functionDeclarations");
      selection.of(tool).forEach(s -> declarations.add(gemini(tool, s, prefix)));
      return doc;
    }
    ObjectNode doc = NODES.objectNode();
    ArrayNode tools = doc.putArray("tools");
    for (SubtoolSpec s : selection.of(tool)) {
      tools.add(switch (format) {
        case MCP -> mcp(tool, s, prefix);
        case OPENAI -> openAi(tool, s, prefix);
        case ANTHROPIC -> anthropic(tool, s, prefix);
        default -> throw new IllegalStateException(format.name());
      });
    }
    return doc;
  }

  /** The descriptor as generated, with only the selected subtools. */
  public static ObjectNode graphStudio(ToolDescriptor tool, SubtoolSelection selection) {
    ObjectNode copy = tool.json().deepCopy();
    if (!selection.isAll()) {
      ArrayNode subtools = copy.putArray("subtools");
      selection.of(tool).forEach(s -> subtools.add(s.json().deepCopy()));
    }
    return copy;
  }

  /**
   * The name a subtool has in a shared namespace.
   *
   * @throws IllegalArgumentException when it would break the hosts' name rule
   */
  public static String name(ToolDescriptor tool, SubtoolSpec subtool, boolean prefix) {
    String name = prefix ? tool.id() + "_" + subtool.name() : subtool.name();
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("The exported name '" + name + "' breaks "
          + NAME.pattern() + " (" + name.length() + " characters); shorten the subtool name");
    }
    return name;
  }

  /** An MCP {@code tools/list} entry. */
  public static ObjectNode mcp(ToolDescriptor tool, SubtoolSpec s, boolean prefix) {
    ObjectNode t = NODES.objectNode();
    t.put("name", name(tool, s, prefix));
    t.put("title", prefix ? tool.name() + ": " + s.title() : s.title());
    t.put("description", description(s));
    t.set("inputSchema", PortableSchema.portable(s.inputSchema()));
    if (s.outputSchema() != null) {
      t.set("outputSchema", s.outputSchema().deepCopy()); // the shaped result's schema
    }
    ObjectNode a = t.putObject("annotations");
    a.put("title", s.title());
    a.put("readOnlyHint", s.hints().readOnly());
    a.put("destructiveHint", s.hints().destructive());
    a.put("idempotentHint", s.hints().idempotent());
    a.put("openWorldHint", s.hints().openWorld());
    return t;
  }

  /** An OpenAI function tool; strict when the schema allows it. */
  public static ObjectNode openAi(ToolDescriptor tool, SubtoolSpec s, boolean prefix) {
    ObjectNode t = NODES.objectNode();
    t.put("type", "function");
    ObjectNode f = t.putObject("function");
    f.put("name", name(tool, s, prefix));
    f.put("description", description(s));
    ObjectNode portable = PortableSchema.portable(s.inputSchema());
    Object strict = OpenAiStrict.convert(portable);
    if (strict instanceof ObjectNode schema) {
      f.set("parameters", schema);
      f.put("strict", true);
    } else {
      f.set("parameters", portable);
      f.put("strict", false);
    }
    return t;
  }

  /** Why each selected subtool cannot be an OpenAI strict function: {@code "name: reason"}. */
  public static List<String> notStrict(ToolDescriptor tool, SubtoolSelection selection) {
    List<String> out = new ArrayList<>();
    for (SubtoolSpec s : selection.of(tool)) {
      Object strict = OpenAiStrict.convert(PortableSchema.portable(s.inputSchema()));
      if (strict instanceof String reason) {
        out.add(tool.id() + "." + s.name() + ": " + reason);
      }
    }
    return out;
  }

  /** An Anthropic tool. */
  public static ObjectNode anthropic(ToolDescriptor tool, SubtoolSpec s, boolean prefix) {
    ObjectNode t = NODES.objectNode();
    t.put("name", name(tool, s, prefix));
    t.put("description", description(s));
    t.set("input_schema", PortableSchema.portable(s.inputSchema()));
    return t;
  }

  /**
   * A Gemini function declaration: name, description, and parameters in the Gemini API's schema
   * subset (see {@link GeminiSchema}); no parameters when the subtool takes none.
   */
  public static ObjectNode gemini(ToolDescriptor tool, SubtoolSpec s, boolean prefix) {
    ObjectNode f = NODES.objectNode();
    f.put("name", name(tool, s, prefix));
    f.put("description", description(s));
    ObjectNode parameters = GeminiSchema.convert(PortableSchema.portable(s.inputSchema()), "",
        new ArrayList<>());
    if (parameters.path("properties").size() > 0) {
      f.set("parameters", parameters);
    }
    return f;
  }

  /**
   * What Gemini would refuse in each selected subtool ({@code "tool.subtool: reason"}): a name or
   * parameter name outside its rules.
   */
  public static List<String> notGemini(ToolDescriptor tool, SubtoolSelection selection,
      boolean prefix) {
    List<String> out = new ArrayList<>();
    for (SubtoolSpec s : selection.of(tool)) {
      List<String> problems = new ArrayList<>();
      String name = prefix ? tool.id() + "_" + s.name() : s.name();
      if (!GEMINI_NAME.matcher(name).matches()) {
        problems.add("the name '" + name + "' must start with a letter or '_'");
      }
      GeminiSchema.convert(PortableSchema.portable(s.inputSchema()), "", problems);
      problems.forEach(p -> out.add(tool.id() + "." + s.name() + ": " + p));
    }
    return out;
  }

  /** Gemini's function name rule. */
  static final Pattern GEMINI_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$");

  /** The subtool's description with the rules a host's schema cannot carry, in words. */
  static String description(SubtoolSpec s) {
    String note = PortableSchema.exclusiveNote(s.inputSchema());
    return note == null ? s.description() : s.description() + " " + note;
  }
}
