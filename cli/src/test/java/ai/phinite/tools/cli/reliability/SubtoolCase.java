package ai.phinite.tools.cli.reliability;

import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One subtool under test, with what its descriptor cannot say: which arguments end up in a path
 * segment or a header, which argument of a multi-step subtool spares the lookup step, and the
 * schema patched where the descriptor does not tell the whole rule (each patch is a reported gap).
 *
 * @param tool the tool's id
 * @param spec the subtool as described
 * @param schema the input schema used to generate arguments (a patched copy)
 * @param pathArgs the arguments placed in a path segment
 * @param headerArgs the arguments sent as header values
 * @param directArg for a multi-step subtool, the argument that makes the lookup unnecessary
 * @param lookupArg for a multi-step subtool, the argument the lookup's path is built from
 */
record SubtoolCase(String tool, SubtoolSpec spec, ObjectNode schema, Set<String> pathArgs,
    Set<String> headerArgs, String directArg, String lookupArg) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  /** Multi-step subtools: {direct argument, lookup argument}. */
  private static final Map<String, List<String>> MULTI_STEP = Map.of(
      "kustomer/create_note", List.of("conversation_id", "customer_id"),
      "helpdesk/add_ticket_note", List.of("ticket_id", "contact_id"));

  /** Arguments bound to headers ({@code @Header}); the descriptor does not say which. */
  private static final Map<String, Set<String>> HEADERS = Map.of(
      "helpdesk/create_ticket", Set.of("idempotency_key"));

  String name() {
    return spec.name();
  }

  boolean multiStep() {
    return spec.http() == null;
  }

  @Override
  public String toString() {
    return tool + "/" + spec.name();
  }

  /** Every subtool of the tools, in descriptor order. */
  static List<SubtoolCase> all(List<ToolDescriptor> tools) {
    List<SubtoolCase> cases = new ArrayList<>();
    for (ToolDescriptor d : tools) {
      for (SubtoolSpec s : d.subtools().values()) {
        cases.add(of(d.id(), s));
      }
    }
    return cases;
  }

  static SubtoolCase of(String tool, SubtoolSpec s) {
    String key = tool + "/" + s.name();
    Set<String> path = new LinkedHashSet<>();
    if (s.http() != null) {
      Matcher m = PLACEHOLDER.matcher(s.http().path());
      while (m.find()) {
        if (s.inputSchema().path("properties").has(m.group(1))) {
          path.add(m.group(1));
        }
      }
    }
    List<String> steps = MULTI_STEP.get(key);
    if (steps != null) {
      path.addAll(steps);
    }
    Set<String> headers = HEADERS.getOrDefault(key, Set.of());
    ObjectNode schema = s.inputSchema().deepCopy();
    return new SubtoolCase(tool, s, schema, path, headers,
        steps == null ? null : steps.get(0), steps == null ? null : steps.get(1));
  }

  /** The schema of a declared top-level argument. */
  JsonNode property(String name) {
    return schema.path("properties").path(name);
  }
}
