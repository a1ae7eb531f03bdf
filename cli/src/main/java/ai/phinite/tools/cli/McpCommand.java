package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mcp}: serves the selected subtools of the connected tools over the Model Context
 * Protocol on standard input and output, until the client closes standard input. Standard output
 * carries only the protocol; nothing else is printed there.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Serve subtools over the Model Context Protocol (stdio) until the client"
        + " closes standard input.",
        "Names are <tool>_<subtool> when several tools are connected."})
public final class McpCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--connection", required = true, paramLabel = "TOOL=FILE",
      description = "A tool to serve and its connection file (a JSON object of credential"
          + " values). Repeatable.")
  Map<String, Path> connections;

  @Option(names = "--server", paramLabel = "[TOOL.]ID=URL",
      description = "Send a server's requests to another base URL; ID=URL applies to every tool"
          + " with that server, TOOL.ID=URL to one. Repeatable.")
  Map<String, String> servers;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long to wait for each response (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--budget-tokens", paramLabel = "TOKENS",
      defaultValue = "" + ai.phinite.tools.runtime.ResponseShaping.DEFAULT_BUDGET_TOKENS,
      description = "The most tokens one result may take; a larger one is cut at an item, with a"
          + " notice giving the next page's arguments (default: ${DEFAULT-VALUE}).")
  int budgetTokens;

  @Mixin Selection selection;

  @Override
  public Integer call() throws InterruptedException {
    List<ToolProvider<?>> tools = new ArrayList<>();
    connections.keySet().forEach(id -> tools.add(main.catalog().require(id)));
    SubtoolSelection chosen = selection.parse(tools);
    checkOverrides(tools);
    List<Connection> open = new ArrayList<>();
    try {
      for (ToolProvider<?> tool : tools) {
        if (!chosen.includesTool(tool.descriptor())) {
          continue;
        }
        Connection.Builder builder = tool.connection()
            .credentials(Inputs.connectionValues(connections.get(tool.id()), tool.id()))
            .requestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
            .subtools(chosen)
            .shaping(shaping());
        overrides(tool).forEach(builder::baseUrl);
        open.add(builder.build());
      }
      McpToolServer.serve(open, System.in, System.out);
      return Main.OK;
    } finally {
      open.forEach(Connection::close);
    }
  }

  /** Results are shaped for the agent, within --budget-tokens. */
  private ai.phinite.tools.runtime.ResponseShaping shaping() {
    try {
      return ai.phinite.tools.runtime.ResponseShaping.budget(budgetTokens);
    } catch (IllegalArgumentException e) {
      throw CliException.invalidInput("--budget-tokens", e.getMessage());
    }
  }

  /** Every --server names a server of a connected tool; a typo must not go unnoticed. */
  private void checkOverrides(List<ToolProvider<?>> tools) {
    if (servers == null) {
      return;
    }
    for (String key : servers.keySet()) {
      boolean used = tools.stream().anyMatch(t -> {
        int dot = key.indexOf('.');
        String server = dot < 0 ? key : key.substring(dot + 1);
        return (dot < 0 || key.substring(0, dot).equals(t.id()))
            && t.descriptor().servers().containsKey(server);
      });
      if (!used) {
        throw CliException.invalidInput("--server", "--server " + key
            + " names no server of the connected tools; write ID=URL or TOOL.ID=URL");
      }
    }
  }

  private Map<String, String> overrides(ToolProvider<?> tool) {
    Map<String, String> out = new LinkedHashMap<>();
    if (servers == null) {
      return out;
    }
    servers.forEach((key, url) -> {
      int dot = key.indexOf('.');
      String toolId = dot < 0 ? null : key.substring(0, dot);
      String server = dot < 0 ? key : key.substring(dot + 1);
      if ((toolId == null || toolId.equals(tool.id()))
          && tool.descriptor().servers().containsKey(server)) {
        out.put(server, url);
      }
    });
    return out;
  }
}
