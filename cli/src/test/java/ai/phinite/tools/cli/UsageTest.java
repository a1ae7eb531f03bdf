package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --help}, {@code --version} and usage errors. */
class UsageTest {
  private final Cli cli = new Cli();

  @AfterEach
  void noSecrets() {
    cli.assertNoSecretsShown();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "list", "describe", "call", "test-connection"})
  void everyCommandHasHelp(String command) {
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};

    Cli.Result r = cli.run(args);

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).startsWith("Usage: phinite-tools" + (command.isEmpty() ? "" : " " + command));
    assertThat(r.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "list", "describe", "call", "test-connection"})
  void everyCommandHasVersion(String command) {
    String[] args =
        command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};

    Cli.Result r = cli.run(args);

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).startsWith("phinite-tools " + VersionProvider.version() + "\n");
    assertThat(VersionProvider.version()).isNotEqualTo("dev");
  }

  @Test
  void helpDocumentsTheExitCodes() {
    Cli.Result r = cli.run("--help");

    assertThat(r.out()).contains("Exit codes:");
    assertThat(r.out()).containsMatch("(?m)^  2 +Invalid input");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = cli.run();

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("usage");
    assertThat(r.err()).contains("Usage: phinite-tools");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownCommandIsAUsageErrorWithSuggestions() {
    Cli.Result r = cli.run("lst");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("usage");
    assertThat(r.error().path("suggestions").toString()).contains("\"list\"");
  }

  @Test
  void missingParameterIsAUsageError() {
    Cli.Result r = cli.run("describe");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("kind").asText()).isEqualTo("usage");
    assertThat(r.error().path("message").asText()).contains("TOOL");
    assertThat(r.error().path("command").asText()).isEqualTo("phinite-tools describe");
    assertThat(r.err()).contains("Usage: phinite-tools describe");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result r = cli.run("list", "--yaml");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.error().path("message").asText()).contains("--yaml");
  }
}
