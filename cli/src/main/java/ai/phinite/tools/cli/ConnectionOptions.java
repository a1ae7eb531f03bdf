package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.ToolRuntime;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that open a connection, shared by the commands that talk to a server:
 * {@code --connection FILE}, {@code --server ID=URL} (repeatable), {@code --timeout SECONDS}, and
 * the runtime's {@code --redis URL} and {@code --otel} ({@link RuntimeOptions}).
 */
public final class ConnectionOptions {
  @Option(names = "--connection", required = true, paramLabel = "FILE|env:VAR|-",
      description = "The connection's credential values, a JSON object of strings such as"
          + " {\"api_key\": \"...\"}: in a FILE, in environment variable VAR (env:VAR), or on"
          + " standard input (-). Never given inline; secrets are never shown.")
  String file;

  @Option(names = "--server", paramLabel = "ID=URL",
      description = "Send one server's requests to another base URL (a test server or a proxy);"
          + " the only way a plain http URL is accepted. Repeatable.")
  Map<String, String> servers;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "45",
      description = "The most time a call may take in all: every attempt, every wait and the"
          + " whole response (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Mixin RuntimeOptions runtime;

  /**
   * Reads the connection file and opens a connection to the tool with its values and the server
   * overrides, on {@code runtime} (from {@link #runtime}); everything is checked before anything
   * is sent.
   *
   * @throws CliException when the file cannot be read or is not a JSON object of strings
   * @throws InvalidInputException when a value is missing or not acceptable to the tool
   */
  Connection open(ToolProvider<?> tool, ToolRuntime runtime) {
    if (timeoutSeconds < 1) {
      throw CliException.invalidInput("--timeout", "--timeout must be at least 1 second; got "
          + timeoutSeconds);
    }
    Map<String, String> values = Inputs.connectionValues(file, "--connection", tool.id());
    Connection.Builder builder = tool.connection()
        .credentials(values)
        .deadline(Duration.ofSeconds(timeoutSeconds))
        .runtime(runtime);
    if (servers != null) {
      servers.forEach(builder::baseUrl);
    }
    return builder.build();
  }
}
