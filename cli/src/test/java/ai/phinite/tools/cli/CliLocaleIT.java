package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in a fresh process, where the environment and the locale are the process's own:
 * non-ASCII arguments under a POSIX locale are refused, not turned into U+FFFD; credentials come
 * from an environment variable and are never shown.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CliLocaleIT {
  private static final String TOKEN = "kus-SECRET-env-5c1d";

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        System.getProperty("phinite.cli.jar")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().putAll(env);
    Process p = builder.start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertWithMessage("the jar did not finish within 60 s").that(done).isTrue();
    return new Run(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void nonAsciiArgumentsUnderAPosixLocaleAreRefused() throws Exception {
    Run r = run(Map.of("LANG", "C", "LC_ALL", "C", "KUS", "{\"api_token\":\"" + TOKEN + "\"}"),
        "call", "kustomer", "get_customer", "--connection", "env:KUS",
        "--args", "{\"customer_id\":\"caf\u00e9\"}", "--dry-run");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    JsonNode error = Json.MAPPER.readTree(r.err().lines().findFirst().orElseThrow()).path("error");
    assertThat(error.path("kind").asText()).isEqualTo("invalid_input");
    assertThat(error.path("option").asText()).isEqualTo("--args");
    assertThat(error.path("message").asText()).startsWith("Argument 7 (--args) could not be read"
        + " as text: the locale's character set");
    assertThat(error.path("message").asText()).contains("LANG=C.UTF-8");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void nonAsciiArgumentsUnderAUtf8LocaleArriveIntact() throws Exception {
    Run r = run(Map.of("LC_ALL", "C.UTF-8", "KUS", "{\"api_token\":\"" + TOKEN + "\"}"),
        "call", "kustomer", "get_customer", "--connection", "env:KUS",
        "--args", "{\"customer_id\":\"caf\u00e9\"}", "--dry-run");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("/customers/caf%C3%A9");
    assertThat(r.out()).doesNotContain(TOKEN);
    assertThat(r.err()).doesNotContain(TOKEN);
  }
}
