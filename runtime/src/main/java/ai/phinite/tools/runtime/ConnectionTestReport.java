package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The verdict of a connection test: one check per credential set, each passed or failed with the
 * server's message.
 *
 * @param tool the tool's id
 * @param checks the checks, in declaration order
 */
public record ConnectionTestReport(String tool, List<Check> checks) {
  public ConnectionTestReport {
    checks = List.copyOf(checks);
  }

  /**
   * One check.
   *
   * @param label what it proves, e.g. the credentials it uses
   * @param operation the operation it ran
   * @param server the server it called
   * @param credentials the credentials the server authenticates with
   * @param passed whether it passed
   * @param status the HTTP status, or 0 when there was no answer
   * @param message what went wrong (the server's message where there was one), or {@code "ok"}
   */
  public record Check(String label, String operation, String server, List<String> credentials,
      boolean passed, int status, String message) {}

  /** Whether every check passed. */
  public boolean passed() {
    return checks.stream().allMatch(Check::passed);
  }

  /** The report as JSON. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("tool", tool);
    json.put("passed", passed());
    ArrayNode list = json.putArray("checks");
    for (Check c : checks) {
      ObjectNode o = list.addObject();
      o.put("label", c.label());
      o.put("operation", c.operation());
      o.put("server", c.server());
      ArrayNode creds = o.putArray("credentials");
      c.credentials().forEach(creds::add);
      o.put("passed", c.passed());
      if (c.status() != 0) {
        o.put("status", c.status());
      }
      o.put("message", c.message());
    }
    return json;
  }
}
