package ai.phinite.tools.testkit;

import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.export.ToolExport;
import ai.phinite.tools.runtime.internal.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Checks of a tool's definition that a language model depends on: that every subtool and argument
 * is described, that every input schema is one the runtime can enforce, and that every schema can
 * be an OpenAI strict-mode function. Each problem names the subtool and the JSON pointer of the
 * schema part at fault.
 *
 * <pre>
 * &#64;Test
 * void everythingIsDescribed() {
 *   ToolChecks.assertWellDescribed(ToolCatalog.load().require("github"));
 * }
 * </pre>
 */
public final class ToolChecks {
  private ToolChecks() {}

  /**
   * Asserts that {@link #descriptionProblems} and {@link #schemaProblems} find nothing; the failure
   * lists every problem.
   */
  public static void assertWellDescribed(ToolProvider<?> tool) {
    List<String> problems = new ArrayList<>(descriptionProblems(tool.descriptor()));
    problems.addAll(schemaProblems(tool.descriptor()));
    fail(tool.id() + " is not well described", problems);
  }

  /**
   * Asserts that every subtool's schema converts to OpenAI's strict mode, except those named; the
   * failure lists each subtool that does not and why. Naming a subtool that is strict-mode ready
   * fails too, so the list of exceptions stays true.
   */
  public static void assertStrictModeReady(ToolProvider<?> tool, String... exceptSubtools) {
    Set<String> except = new HashSet<>(Arrays.asList(exceptSubtools));
    List<String> problems = new ArrayList<>();
    Set<String> notStrict = new HashSet<>();
    for (String reason : strictModeProblems(tool.descriptor())) {
      String subtool = reason.substring(tool.id().length() + 1, reason.indexOf(':'));
      notStrict.add(subtool);
      if (!except.contains(subtool)) {
        problems.add(reason);
      }
    }
    for (String name : except) {
      if (tool.descriptor().subtool(name) == null) {
        problems.add(name + ": no such subtool, yet it is listed as an exception");
      } else if (!notStrict.contains(name)) {
        problems.add(name + ": is strict-mode ready, yet it is listed as an exception");
      }
    }
    fail(tool.id() + " has schemas that are not strict-mode ready", problems);
  }

  /**
   * Missing or blank descriptions: the tool's, each credential's label and description, each
   * subtool's title and description, and every argument's at any depth (properties of objects and
   * items of arrays).
   */
  public static List<String> descriptionProblems(ToolDescriptor tool) {
    List<String> out = new ArrayList<>();
    if (blank(tool.description())) {
      out.add("the tool has no description");
    }
    for (ToolDescriptor.CredentialSpec c : tool.credentials()) {
      if (blank(c.label())) {
        out.add("credential " + c.key() + " has no label");
      }
      if (blank(c.description())) {
        out.add("credential " + c.key() + " has no description");
      }
    }
    for (SubtoolSpec s : tool.subtools().values()) {
      if (blank(s.title())) {
        out.add(s.name() + ": no title");
      }
      if (blank(s.description())) {
        out.add(s.name() + ": no description");
      }
      undescribed(s.name(), s.inputSchema(), "", out);
    }
    return out;
  }

  private static void undescribed(String subtool, JsonNode schema, String pointer, List<String> out) {
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> p : properties.properties()) {
        String at = pointer + "/properties/" + p.getKey().replace("~", "~0").replace("/", "~1");
        if (blank(p.getValue().path("description").asText(null))) {
          out.add(subtool + ": argument " + at + " has no description");
        }
        undescribed(subtool, p.getValue(), at, out);
      }
    }
    JsonNode items = schema.get("items");
    if (items != null && items.isObject()) {
      undescribed(subtool, items, pointer + "/items", out);
    }
  }

  /**
   * Schemas the runtime cannot enforce: not an object schema at the top, a keyword the runtime's
   * validator does not support or with a malformed value, a required argument that is not among
   * the properties.
   */
  public static List<String> schemaProblems(ToolDescriptor tool) {
    List<String> out = new ArrayList<>();
    for (SubtoolSpec s : tool.subtools().values()) {
      JsonNode schema = s.inputSchema();
      if (!"object".equals(schema.path("type").asText())) {
        out.add(s.name() + ": the input schema is not of type object");
      }
      Set<String> properties = new HashSet<>();
      schema.path("properties").fieldNames().forEachRemaining(properties::add);
      for (JsonNode r : schema.path("required")) {
        if (!properties.contains(r.asText())) {
          out.add(s.name() + ": required argument '" + r.asText() + "' is not among the properties");
        }
      }
      try {
        SchemaValidator.compile(schema);
      } catch (IllegalArgumentException e) {
        out.add(s.name() + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * Why subtools cannot be OpenAI strict-mode functions ({@code tool.subtool: reason}), as the
   * runtime's OpenAI export decides.
   */
  public static List<String> strictModeProblems(ToolDescriptor tool) {
    return ToolExport.notStrict(tool, SubtoolSelection.all());
  }

  private static void fail(String headline, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(headline + " (" + problems.size() + " problem"
          + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
