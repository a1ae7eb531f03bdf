package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command line reads is bounded and private: an endless or huge {@code --args} or
 * {@code --connection} is refused with {@code invalid_input} before it fills the heap, a
 * connection given inline is never echoed, a connection can come from standard input, and an
 * argument that could not be decoded is refused rather than used mangled.
 */
class CliInputTest {
  @TempDir Path dir;
  private final Cli cli = new Cli();
  private final InputStream stdin = System.in;

  @AfterEach
  void restore() {
    System.setIn(stdin);
    cli.assertNoSecretsShown();
  }

  private Cli.Result dryRun(String connection, String args) {
    return cli.run("call", "helpdesk", "get_ticket", "--connection", connection, "--args", args,
        "--dry-run");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void argsFromAnEndlessFileAreRefusedNotReadIntoMemory() {
    Cli.Result r = dryRun(Cli.connectionFile(dir).toString(), "@/dev/zero");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("invalid_input");
    assertThat(r.error().path("option").asText()).isEqualTo("--args");
    assertThat(r.error().path("message").asText()).isEqualTo("The arguments file '/dev/zero' is"
        + " larger than 8388608 bytes (8192 KiB), the most --args accepts");
  }

  @Test
  void aHugeConnectionFileIsRefused() throws Exception {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(300L * 1024 * 1024); // sparse: 300 MB on paper, nothing on disk
    }
    Cli.Result r = dryRun(huge.toString(), "{\"ticket_id\":\"T-1\"}");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("option").asText()).isEqualTo("--connection");
    assertThat(r.error().path("message").asText()).isEqualTo("The connection file '" + huge
        + "' is larger than 1048576 bytes (1024 KiB), the most --connection accepts");
  }

  @Test
  void aConnectionGivenInlineIsRefusedWithoutBeingEchoed() {
    Cli.Result r = dryRun("{\"api_key\":\"" + Cli.API_KEY + "\"}", "{\"ticket_id\":\"T-1\"}");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("message").asText()).startsWith("--connection takes a connection"
        + " file, env:VAR or - (standard input), not the JSON itself");
    assertThat(r.err()).doesNotContain("api_key");
  }

  @Test
  void aConnectionCanComeFromStandardInput() {
    System.setIn(new ByteArrayInputStream(("{\"api_key\":\"" + Cli.API_KEY + "\",\"files_key\":\""
        + Cli.FILES_KEY + "\"}").getBytes(StandardCharsets.UTF_8)));
    Cli.Result r = dryRun("-", "{\"ticket_id\":\"T-1\"}");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("/tickets/T-1");
  }

  @Test
  void argumentsCanComeFromStandardInputAndMustBeUtf8() throws Exception {
    System.setIn(new ByteArrayInputStream(new byte[] {'{', '"', (byte) 0xff, '"', '}'}));
    Cli.Result r = dryRun(Cli.connectionFile(dir).toString(), "@-");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("message").asText()).isEqualTo("Standard input is not UTF-8 text");
    Path latin1 = Files.write(dir.resolve("args.json"),
        "{\"ticket_id\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Result file = dryRun(Cli.connectionFile(dir).toString(), "@" + latin1);
    assertThat(file.error().path("message").asText())
        .isEqualTo("The arguments file '" + latin1 + "' is not UTF-8 text");
  }

  @Test
  void aMissingEnvironmentVariableIsNamed() {
    Cli.Result r = dryRun("env:PHINITE_TEST_NO_SUCH_VARIABLE", "{\"ticket_id\":\"T-1\"}");
    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("message").asText()).startsWith("The environment variable"
        + " 'PHINITE_TEST_NO_SUCH_VARIABLE' named by --connection env:PHINITE_TEST_NO_SUCH_VARIABLE"
        + " is not set");
  }

  @Test
  void anArgumentTheJvmCouldNotDecodeIsRefused() {
    CliException e = Main.undecodable("call", "helpdesk", "get_ticket", "--args",
        "{\"ticket_id\":\"caf\uFFFD\"}");
    assertThat(e).isNotNull();
    assertThat(e.option()).isEqualTo("--args");
    assertThat(e.getMessage()).startsWith("Argument 5 (--args) could not be read as text: ");
    assertThat(e.getMessage()).doesNotContain("caf");
    assertThat(Main.undecodable("call", "helpdesk", "get_ticket", "--args",
        "{\"ticket_id\":\"caf\u00e9\"}")).isNull();
  }
}
