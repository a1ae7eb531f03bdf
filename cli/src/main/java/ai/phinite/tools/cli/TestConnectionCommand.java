package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ConnectionTestReport;
import ai.phinite.tools.runtime.ConnectionTestReport.Check;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolProvider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code test-connection TOOL --connection FILE [--server ID=URL]... [--json]}: runs the tool's
 * connection checks (one per credential set) and prints a verdict per check: PASSED or FAILED, its
 * label, the credentials it proves, and the server's message. Exits 0 when every check passed, 1
 * otherwise; the connection's values are checked first (exit 2 when they are not acceptable).
 */
@Command(name = "test-connection", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Run the tool's connection checks and print a verdict per check.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Every check passed.",
      "1:A check failed (the verdict says which and why).",
      "2:Invalid input (usage, unknown tool, connection values). Nothing was sent."
    })
public final class TestConnectionCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOOL", description = "The tool's id (see list).")
  String tool;

  @Mixin ConnectionOptions connection;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ToolProvider<?> provider = main.catalog().require(tool);
    ConnectionTestReport report;
    try (RuntimeOptions r = connection.runtime;
        Connection c = connection.open(provider, r.runtime())) {
      report = c.test();
    }
    if (json) {
      JsonOutput.print(out, report.toJson());
    } else {
      print(out, provider.descriptor(), report);
    }
    return report.passed() ? Main.OK : Main.FAILED;
  }

  private static void print(PrintWriter out, ToolDescriptor d, ConnectionTestReport report) {
    out.println("Connection test of " + d.name() + " (" + d.id() + ")");
    out.println();
    if (report.checks().isEmpty()) {
      out.println("The tool declares no connection checks: the connection's values are acceptable,"
          + " but nothing was sent to verify them.");
      out.flush();
      return;
    }
    List<String> failed = new ArrayList<>();
    for (Check c : report.checks()) {
      String verdict = c.passed() ? "PASSED" : "FAILED";
      out.println(verdict + "  " + c.label());
      String indent = " ".repeat(verdict.length() + 2);
      String creds = c.credentials().isEmpty() ? "none" : String.join(", ", c.credentials());
      out.println(indent + "credentials: " + creds + "; ran " + c.operation() + " on server "
          + c.server() + (c.status() != 0 ? ": HTTP " + c.status() : ": no response"));
      if (!c.passed()) {
        out.println(indent + c.message().strip());
        failed.add(c.label());
      }
    }
    out.println();
    int total = report.checks().size();
    if (failed.isEmpty()) {
      out.println("Result: PASSED (" + total + (total == 1 ? " check" : " checks") + ")");
    } else {
      out.println("Result: FAILED (" + failed.size() + " of " + total + " failed: "
          + String.join("; ", failed) + ")");
    }
    out.flush();
  }
}
