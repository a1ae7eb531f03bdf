package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import ai.phinite.tools.runtime.ToolCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the command line in-process through picocli's {@link CommandLine#execute} with captured
 * output, and remembers every run so a test can assert that no secret ever appeared.
 */
final class Cli {
  /** The secret values the tests put in connection files; they must never be printed. */
  static final String API_KEY = "hd-live-SECRET-api-7f3a9c";
  static final String FILES_KEY = "fk-SECRET-files-91c2e0";

  static final ObjectMapper JSON = new ObjectMapper();

  private final List<Result> runs = new ArrayList<>();

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    /** Standard output parsed as JSON. */
    JsonNode outJson() {
      return parse(out);
    }

    /** The {@code error} object of the first line of standard error. */
    JsonNode error() {
      String first = err.lines().findFirst().orElse("");
      JsonNode json = parse(first);
      assertWithMessage("stderr: %s", err).that(json.has("error")).isTrue();
      return json.get("error");
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** Runs one command over the tools on the test class path. */
  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cmd = Main.commandLine(
        ToolCatalog::load, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    int exit = cmd.execute(args);
    cmd.getOut().flush();
    cmd.getErr().flush();
    Result result = new Result(exit, out.toString(UTF_8), err.toString(UTF_8));
    runs.add(result);
    return result;
  }

  /** Asserts that no run so far printed a secret value, on either stream. */
  void assertNoSecretsShown() {
    for (Result r : runs) {
      for (String secret : List.of(API_KEY, FILES_KEY)) {
        assertWithMessage("a run printed a secret:\n%s", r).that(r.out()).doesNotContain(secret);
        assertWithMessage("a run printed a secret:\n%s", r).that(r.err()).doesNotContain(secret);
      }
    }
  }

  /** A connection file with both keys, in {@code dir}. */
  static Path connectionFile(Path dir) {
    return write(dir.resolve("connection.json"),
        "{\"api_key\": \"" + API_KEY + "\", \"files_key\": \"" + FILES_KEY + "\"}");
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
