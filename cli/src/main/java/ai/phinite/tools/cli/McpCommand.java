package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import java.net.InetSocketAddress;
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
 * Protocol. Over stdio (the default) until the client closes standard input; standard output
 * carries only the protocol. With {@code --http HOST:PORT}, over Streamable HTTP to the tenants of
 * a {@code --tenants} file, each with its own bearer token, connections and subtools.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Serve subtools over the Model Context Protocol: on stdio until the client"
        + " closes standard input, or with --http on Streamable HTTP to the tenants of a"
        + " --tenants file (bearer tokens, each with its own connections and subtools).",
        "Names are <tool>_<subtool> when several tools are connected."})
public final class McpCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--connection", paramLabel = "TOOL=FILE|TOOL=env:VAR",
      description = "A tool to serve over stdio and its connection: a file, or env:VAR for an"
          + " environment variable, holding a JSON object of credential values. Repeatable.")
  Map<String, String> connections;

  @Option(names = "--http", paramLabel = "HOST:PORT",
      description = "Serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio (port 0:"
          + " any free port, printed on standard error). Needs --tenants.")
  String http;

  @Option(names = "--tenants", paramLabel = "FILE",
      description = "With --http: the tenants, each with a bearer token (or its SHA-256), its"
          + " connections and its subtools; see the README. Tokens are never given as arguments.")
  Path tenants;

  @Option(names = "--allow-origin", paramLabel = "ORIGIN",
      description = "With --http: a browser Origin allowed to call (e.g. https://studio.example."
          + "com, or http://localhost:* for any port). Requests with another Origin get 403."
          + " Repeatable.")
  List<String> allowedOrigins;

  @Option(names = "--server", paramLabel = "[TOOL.]ID=URL",
      description = "Send a server's requests to another base URL; ID=URL applies to every tool"
          + " with that server, TOOL.ID=URL to one. Repeatable.")
  Map<String, String> servers;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "45",
      description = "The most time a tools/call may take in all: every attempt, every wait and"
          + " the whole response (default: ${DEFAULT-VALUE}, within the 60 s request timeout of"
          + " the MCP SDK clients).")
  int timeoutSeconds;

  @Option(names = "--budget-tokens", paramLabel = "TOKENS",
      defaultValue = "" + ai.phinite.tools.runtime.ResponseShaping.DEFAULT_BUDGET_TOKENS,
      description = "The most tokens one result may take; a larger one is cut at an item, with a"
          + " notice giving the next page's arguments (default: ${DEFAULT-VALUE}).")
  int budgetTokens;

  @Mixin Selection selection;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws Exception {
    if (timeoutSeconds < 1) {
      throw CliException.invalidInput("--timeout", "--timeout must be at least 1 second; got "
          + timeoutSeconds);
    }
    Duration deadline = Duration.ofSeconds(timeoutSeconds);
    if (http != null) {
      return serveHttp(deadline);
    }
    if (tenants != null || allowedOrigins != null) {
      throw CliException.invalidInput(tenants != null ? "--tenants" : "--allow-origin",
          (tenants != null ? "--tenants" : "--allow-origin") + " applies to --http only; give"
              + " --http HOST:PORT, or --connection TOOL=FILE to serve over stdio");
    }
    if (connections == null || connections.isEmpty()) {
      throw CliException.invalidInput("--connection", "Give at least one --connection"
          + " TOOL=FILE to serve over stdio, or --http HOST:PORT with --tenants FILE");
    }
    List<ToolProvider<?>> tools = new ArrayList<>();
    connections.keySet().forEach(id -> tools.add(main.catalog().require(id)));
    SubtoolSelection chosen = selection.parse(tools);
    checkOverrides(tools);
    Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
    connections.forEach((tool, source) -> {
      if (source.equals(Inputs.STDIN)) {
        throw CliException.invalidInput("--connection", "--connection " + tool + "=- cannot"
            + " be used over stdio: standard input carries the protocol; use a file or env:VAR");
      }
      credentials.put(tool, Inputs.connectionValues(source, "--connection", tool));
    });
    List<Connection> open = open(credentials, chosen);
    try {
      McpToolServer.serveStdio(open, System.in, System.out, deadline);
      return Main.OK;
    } finally {
      open.forEach(Connection::close);
      runtime.close();
    }
  }

  private Integer serveHttp(Duration deadline) throws Exception {
    if (tenants == null) {
      throw CliException.invalidInput("--tenants", "--http needs --tenants FILE: the bearer"
          + " tokens and each tenant's connections and subtools");
    }
    if (connections != null || selection.text != null) {
      throw CliException.invalidInput(connections != null ? "--connection" : "--subtools",
          "With --http, each tenant's connections and subtools are in the --tenants file;"
              + " remove " + (connections != null ? "--connection" : "--subtools"));
    }
    InetSocketAddress address = McpHttpServer.address(http);
    McpTenants read = McpTenants.read(tenants, Inputs.MAX_CONNECTION_BYTES);
    Map<String, List<Connection>> byTenant = new LinkedHashMap<>();
    try {
      for (McpTenants.Tenant tenant : read.all()) {
        List<ToolProvider<?>> tools = new ArrayList<>();
        tenant.connections().keySet().forEach(id -> tools.add(main.catalog().require(id)));
        checkOverrides(tools);
        byTenant.put(tenant.name(), open(tenant.connections(), tenantSelection(tenant, tools)));
      }
      try (McpHttpServer server = McpHttpServer.start(address, read, byTenant,
          allowedOrigins == null ? List.of() : allowedOrigins, deadline)) {
        System.err.println("phinite-tools mcp: serving " + byTenant.size() + " tenant"
            + (byTenant.size() == 1 ? "" : "s") + " at " + server.endpoint());
        server.awaitShutdown();
      }
      return Main.OK;
    } finally {
      byTenant.values().forEach(list -> list.forEach(Connection::close));
      runtime.close();
    }
  }

  private static SubtoolSelection tenantSelection(McpTenants.Tenant tenant,
      List<ToolProvider<?>> tools) {
    if (tenant.subtools() == null) {
      return SubtoolSelection.all();
    }
    SubtoolSelection chosen;
    try {
      chosen = SubtoolSelection.parse(tenant.subtools());
    } catch (IllegalArgumentException e) {
      throw CliException.invalidInput("--tenants", "The subtools of tenant " + tenant.name()
          + " are not valid: " + e.getMessage());
    }
    List<ToolDescriptor> descriptors = new ArrayList<>();
    tools.forEach(t -> descriptors.add(t.descriptor()));
    List<String> unknown = chosen.unknownEntries(descriptors);
    if (!unknown.isEmpty()) {
      throw CliException.invalidInput("--tenants", "The subtools of tenant " + tenant.name()
          + " name what its connected tools do not have: " + String.join("; ", unknown));
    }
    return chosen;
  }

  /** Opens a connection per tool, with the chosen subtools enabled. */
  private List<Connection> open(Map<String, Map<String, String>> credentials,
      SubtoolSelection chosen) {
    List<Connection> open = new ArrayList<>();
    try {
      for (Map.Entry<String, Map<String, String>> entry : credentials.entrySet()) {
        ToolProvider<?> tool = main.catalog().require(entry.getKey());
        if (!chosen.includesTool(tool.descriptor())) {
          continue;
        }
        Connection.Builder builder = tool.connection()
            .credentials(entry.getValue())
            .deadline(Duration.ofSeconds(timeoutSeconds))
            .subtools(chosen)
            .shaping(shaping())
            .runtime(runtime.runtime());
        overrides(tool).forEach(builder::baseUrl);
        open.add(builder.build());
      }
      return open;
    } catch (RuntimeException e) {
      open.forEach(Connection::close);
      throw e;
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
