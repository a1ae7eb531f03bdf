package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code call TOOL SUBTOOL --connection FILE [--args JSON|@FILE] [--server ID=URL]... [--dry-run]}:
 * calls a subtool and prints the response body (JSON pretty-printed; a non-JSON body as its text;
 * nothing for an empty body). With {@code --dry-run} it prints the request it would send,
 * {@code {"method","url","headers","body"}} with secret header values shown as {@code ***}, and
 * sends nothing. With {@code --shape} it prints the result as the MCP server gives it to an agent
 * (compact and within a token budget; see {@link ai.phinite.tools.runtime.ResponseShaping}).
 *
 * <p>The tool, the subtool, the arguments' JSON and the connection file are checked in that order,
 * then the runtime validates the arguments against the subtool's schema; nothing is sent until all
 * of them are acceptable.
 */
@Command(name = "call", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Call a subtool and print the response body; --dry-run prints the request"
        + " instead of sending it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success: the body (or with --dry-run the request) is on standard output.",
      "1:The call failed: HTTP status 400 or more, or no answer. The error is on standard error.",
      "2:Invalid input (usage, names, JSON, arguments, connection values). Nothing was sent."
    })
public final class CallCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOOL", description = "The tool's id (see list).")
  String tool;

  @Parameters(index = "1", paramLabel = "SUBTOOL",
      description = "The subtool's name (see describe TOOL).")
  String subtool;

  @Mixin ConnectionOptions connection;

  @Mixin Selection selection;

  @Option(names = "--args", paramLabel = "JSON|@FILE|@-",
      description = "The arguments: a JSON object, @FILE to read it from a UTF-8 file or @- from"
          + " standard input, at most 8 MiB (default: {}).")
  String args;

  @Option(names = "--dry-run",
      description = "Print the request that would be sent (secrets shown as ***); send nothing.")
  boolean dryRun;

  @Option(names = "--shape",
      description = "Print the result as an agent gets it (the MCP server's shaping): compact JSON,"
          + " empty values dropped, default fields, within --budget-tokens. Default: the raw body.")
  boolean shape;

  @Option(names = "--budget-tokens", paramLabel = "TOKENS",
      defaultValue = "" + ai.phinite.tools.runtime.ResponseShaping.DEFAULT_BUDGET_TOKENS,
      description = "With --shape: the most tokens the result may take (default: ${DEFAULT-VALUE}).")
  int budgetTokens;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ToolProvider<?> provider = main.catalog().require(tool);
    ToolDescriptor d = provider.descriptor();
    ai.phinite.tools.runtime.SubtoolSelection chosen = selection.parse(java.util.List.of(provider));
    if (d.subtool(subtool) == null || !chosen.allows(d.id(), subtool)) {
      throw ai.phinite.tools.runtime.UnknownNameException.subtool(d.id(), subtool,
          d.subtool(subtool) != null,
          chosen.of(d).stream().map(ToolDescriptor.SubtoolSpec::name).toList());
    }
    JsonNode arguments = Inputs.arguments(args);
    try (RuntimeOptions r = connection.runtime;
        Connection c = connection.open(provider, r.runtime())) {
      if (dryRun) {
        JsonOutput.print(out, c.dryRun(subtool, arguments).toJson());
      } else if (shape) {
        Response shaped = c.invoke(subtool, arguments,
            ai.phinite.tools.runtime.CallOptions.builder().shaping(shaping()).build());
        JsonNode body = shaped.body();
        if (body != null && body.isContainerNode()) {
          out.println(JsonOutput.compact(body));
          out.flush();
        } else {
          printBody(out, shaped);
        }
      } else {
        printBody(out, c.invoke(subtool, arguments));
      }
    }
    return Main.OK;
  }

  private ai.phinite.tools.runtime.ResponseShaping shaping() {
    try {
      return ai.phinite.tools.runtime.ResponseShaping.budget(budgetTokens);
    } catch (IllegalArgumentException e) {
      throw CliException.invalidInput("--budget-tokens", e.getMessage());
    }
  }

  /** The body as JSON, a text body as its text, an empty body as nothing. */
  static void printBody(PrintWriter out, Response response) {
    JsonNode body = response.body();
    if (body == null || body.isNull() || body.isMissingNode()) {
      out.flush();
      return;
    }
    String type = response.header("content-type");
    boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
    if (body.isTextual() && !json) {
      String text = body.asText();
      out.print(text);
      if (!text.endsWith("\n")) {
        out.println();
      }
      out.flush();
    } else {
      JsonOutput.print(out, body);
    }
  }
}
