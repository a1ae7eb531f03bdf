package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real jar's {@code mcp} command as a child process, spoken to line by line: raw JSON-RPC in,
 * every line it prints collected. Every wait is bounded.
 */
final class McpProcess implements AutoCloseable {
  private final Process process;
  private final OutputStream stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();

  McpProcess(String... mcpArgs) throws IOException {
    String jar = System.getProperty("phinite.cli.jar");
    assertWithMessage("the shaded jar %s must be built before integration tests", jar)
        .that(Files.exists(Paths.get(jar))).isTrue();
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "mcp"));
    command.addAll(List.of(mcpArgs));
    process = new ProcessBuilder(command).start();
    stdin = process.getOutputStream();
    Thread out = new Thread(() -> pump(new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8)), lines::add), "mcp-stdout");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(() -> pump(new BufferedReader(new InputStreamReader(
        process.getErrorStream(), StandardCharsets.UTF_8)), l -> stderr.append(l).append('\n')),
        "mcp-stderr");
    err.setDaemon(true);
    err.start();
  }

  private static void pump(BufferedReader reader, java.util.function.Consumer<String> sink) {
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        sink.accept(line);
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** Initializes the session the way every client does. */
  McpProcess initialized() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
        + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    JsonNode init = next();
    assertWithMessage("%s", init).that(init.path("id").asInt(-1)).isEqualTo(0);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return this;
  }

  /** Writes one line (a newline is added). */
  void send(String line) throws IOException {
    sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  void sendBytes(byte[] bytes) throws IOException {
    stdin.write(bytes);
    stdin.flush();
  }

  /** Closes the server's standard input (EOF). */
  void closeInput() throws IOException {
    stdin.close();
  }

  /** The next line the server printed, as JSON; fails after 30 s without one. */
  JsonNode next() throws Exception {
    String line = lines.poll(30, TimeUnit.SECONDS);
    assertWithMessage("no line from the server within 30 s; stderr: %s", stderr)
        .that(line).isNotNull();
    return Json.MAPPER.readTree(line);
  }

  /** The next line that is not a notification. */
  JsonNode nextResponse(List<JsonNode> notifications) throws Exception {
    while (true) {
      JsonNode line = next();
      if (!line.has("method")) {
        return line;
      }
      notifications.add(line);
    }
  }

  /** What the server printed and nobody read yet (the lines already there). */
  List<String> rest() {
    List<String> out = new ArrayList<>();
    lines.drainTo(out);
    return out;
  }

  /** Waits for the process to end (at most 60 s) and returns its exit code. */
  int exitCode() throws InterruptedException {
    assertWithMessage("the server did not exit within 60 s; stderr: %s", stderr)
        .that(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  /** Waits (at most 60 s) until standard error has a line matching this, and returns group 1. */
  String awaitStderr(java.util.regex.Pattern pattern) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      java.util.regex.Matcher m = pattern.matcher(stderr);
      if (m.find()) {
        return m.group(1);
      }
      assertWithMessage("the server ended early; stderr: %s", stderr).that(process.isAlive())
          .isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("no line matching " + pattern + " within 60 s; stderr: " + stderr);
  }

  String stderr() {
    return stderr.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
