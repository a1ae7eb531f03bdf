package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.ToolCatalog;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code phinite-tools} command line: lists the tools on the class path, describes them, calls
 * their subtools and tests connections.
 *
 * <p>Results go to standard output; failures go to standard error as one line of JSON,
 * {@code {"error": {"kind", "message", ...}}}. Exit codes: {@value #OK} success, {@value #FAILED}
 * a call or connection check failed, {@value #INVALID} invalid input (nothing was sent).
 *
 * <p>{@link #run(ToolCatalog, PrintStream, PrintStream, String...)} runs a command in-process and
 * returns its exit code; {@link #main} runs it and exits.
 */
@Command(name = "phinite-tools", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List, describe, call, test, export and serve (MCP) the Phinite predefined tools.",
    subcommands = {
      ListCommand.class,
      DescribeCommand.class,
      CallCommand.class,
      TestConnectionCommand.class,
      ExportCommand.class,
      McpCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:The call failed (HTTP status 400 or more, network) or a connection check failed.",
      "2:Invalid input: usage, unknown tool or subtool, bad JSON, invalid arguments or"
          + " connection values. Nothing was sent."
    })
public final class Main implements Callable<Integer> {
  /** Exit code of success. */
  public static final int OK = 0;
  /** Exit code of a failed call or connection check. */
  public static final int FAILED = 1;
  /** Exit code of invalid input, when nothing was sent. */
  public static final int INVALID = 2;

  private final Supplier<ToolCatalog> catalogSource;
  private ToolCatalog catalog;

  @Spec CommandSpec spec;

  /** A command line over the tools {@code catalog} supplies (asked for on first use only). */
  public Main(Supplier<ToolCatalog> catalog) {
    this.catalogSource = Objects.requireNonNull(catalog);
  }

  /** The tools the commands work on. */
  ToolCatalog catalog() {
    if (catalog == null) {
      catalog = catalogSource.get();
    }
    return catalog;
  }

  /** Without a command there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "Missing command: give one of list, describe, call, test-connection, export, mcp, help");
  }

  /**
   * A ready command line that writes to these streams (as UTF-8) and reports failures as JSON.
   * Argument files ({@code @FILE}) are not expanded by picocli: {@code --args @FILE} reads them.
   */
  public static CommandLine commandLine(
      Supplier<ToolCatalog> catalog, PrintStream out, PrintStream err) {
    ErrorReporter errors = new ErrorReporter();
    return new CommandLine(new Main(catalog))
        .setOut(writer(out))
        .setErr(writer(err))
        .setExpandAtFiles(false)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }

  /** Runs one command over these tools and returns its exit code. */
  public static int run(ToolCatalog catalog, PrintStream out, PrintStream err, String... args) {
    return run(() -> catalog, out, err, args);
  }

  /** Runs one command over the tools on the class path and returns its exit code. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(ToolCatalog::load, out, err, args);
  }

  private static int run(
      Supplier<ToolCatalog> catalog, PrintStream out, PrintStream err, String... args) {
    CommandLine cmd = commandLine(catalog, out, err);
    try {
      CliException garbled = undecodable(args);
      if (garbled != null) {
        ErrorReporter.report(cmd.getErr(), garbled);
        return INVALID;
      }
      return cmd.execute(args);
    } finally {
      cmd.getOut().flush();
      cmd.getErr().flush();
    }
  }

  /**
   * An argument the JVM could not decode holds U+FFFD where its bytes were: under a POSIX locale
   * (LANG=C) every non-ASCII character arrives so, and bytes that are not UTF-8 do under any
   * locale. Such an argument is refused, never used mangled. The argument is not quoted (it may be
   * a secret); the option it belongs to is named.
   */
  static CliException undecodable(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].indexOf('\uFFFD') < 0) {
        continue;
      }
      String option = args[i].startsWith("--") ? args[i].split("=", 2)[0]
          : i > 0 && args[i - 1].startsWith("--") ? args[i - 1] : null;
      String charset = System.getProperty("sun.jnu.encoding", "unknown");
      String why = charset.equalsIgnoreCase("UTF-8")
          ? "its bytes are not UTF-8"
          : "the locale's character set (" + charset + ") cannot carry non-ASCII text; run with a"
              + " UTF-8 locale, e.g. LANG=C.UTF-8";
      return CliException.invalidInput(option, "Argument " + (i + 1)
          + (option == null ? "" : " (" + option + ")") + " could not be read as text: " + why
          + ". Nothing was sent. Text that is not ASCII can also be given in a UTF-8 file:"
          + " --args @FILE");
    }
    return null;
  }

  /** Runs one command over the tools on the class path and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }
}
