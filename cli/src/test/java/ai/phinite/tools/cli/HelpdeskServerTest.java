package ai.phinite.tools.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.google.common.truth.Truth.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs commands on the example {@code helpdesk} tool with both of its servers sent to one WireMock
 * server ({@code /v2} and {@code /files}) and a connection file holding {@link Cli#API_KEY} and
 * {@link Cli#FILES_KEY}; after each test, asserts that no run printed either secret.
 */
abstract class HelpdeskServerTest {
  @RegisterExtension
  static final WireMockExtension SERVER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;

  final Cli cli = new Cli();
  Path connection;

  @BeforeEach
  void connectionFile() {
    connection = Cli.connectionFile(dir);
  }

  @AfterEach
  void noSecrets() {
    cli.assertNoSecretsShown();
  }

  /** {@code COMMAND helpdesk [SUBTOOL] --connection FILE --server api=... --server files=...}. */
  Cli.Result helpdesk(String command, String subtool, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "helpdesk"));
    if (subtool != null) {
      args.add(subtool);
    }
    args.addAll(List.of("--connection", connection.toString(),
        "--server", "api=" + SERVER.baseUrl() + "/v2",
        "--server", "files=" + SERVER.baseUrl() + "/files"));
    args.addAll(List.of(more));
    return cli.run(args.toArray(String[]::new));
  }

  /** {@code call helpdesk SUBTOOL} with the connection file and both servers on WireMock. */
  Cli.Result call(String subtool, String... more) {
    return helpdesk("call", subtool, more);
  }

  static void assertNothingReceived() {
    assertThat(SERVER.getAllServeEvents()).isEmpty();
  }
}
