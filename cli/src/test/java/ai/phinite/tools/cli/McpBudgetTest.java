package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcp --budget-tokens}: a budget too small for a notice and an item is refused at once. */
class McpBudgetTest {
  @TempDir Path dir;

  @Test
  void aBudgetTooSmallIsRefusedBeforeServing() {
    Path connection = Cli.write(dir.resolve("kustomer.json"), "{\"api_token\":\"kus-SECRET-77\"}");
    Cli.Result r = new Cli().run("mcp", "--connection", "kustomer=" + connection,
        "--budget-tokens", "999");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("The token budget must be at least 1000, not 999");
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).doesNotContain("kus-SECRET-77");
  }
}
