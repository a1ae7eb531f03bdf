package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.ToolException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every failure on standard error as one line of JSON, {@code {"error": {"kind",
 * "message", ...}}}, and picks the exit code: {@value Main#INVALID} when nothing was sent (usage
 * errors, unknown names, invalid input), {@value Main#FAILED} when a call failed. Usage errors are
 * followed by the command's usage. No stack traces; runtime messages never hold secret values.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  /** A command line picocli could not parse: kind {@code usage}, then the command's usage. */
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("kind", "usage");
    error.put("message", ex.getMessage());
    error.put("command", cmd.getCommandSpec().qualifiedName());
    if (ex instanceof UnmatchedArgumentException) {
      List<String> suggestions = ((UnmatchedArgumentException) ex).getSuggestions();
      if (!suggestions.isEmpty()) {
        ArrayNode list = error.putArray("suggestions");
        suggestions.forEach(list::add);
      }
    }
    print(err, error);
    err.println();
    cmd.usage(err);
    err.flush();
    return Main.INVALID;
  }

  /** A failure while a command ran. */
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof ToolException) {
      ToolException failure = (ToolException) ex;
      print(err, failure.toJson());
      return failure.nothingSent() ? Main.INVALID : Main.FAILED;
    }
    // Not expected: say what it was in one line, still without a stack trace.
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("kind", "internal");
    error.put("message", ex.getClass().getName()
        + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    print(err, error);
    return Main.FAILED;
  }

  /** Reports a failure found before any command ran. */
  static void report(PrintWriter err, ToolException failure) {
    print(err, failure.toJson());
  }

  private static void print(PrintWriter err, ObjectNode error) {
    ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
    wrapper.set("error", error);
    err.println(JsonOutput.compact(wrapper));
    err.flush();
  }
}
