package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenants file of {@code mcp --http}: tokens plain or hashed, connections as files or values,
 * every problem listed with its pointer, and no token or credential ever quoted.
 */
class McpTenantsTest {
  private static final String TOKEN = "tenant-token-0123456789abcdef-0123456789";
  @TempDir Path dir;

  @Test
  void readsTokensConnectionsAndSubtools() {
    Cli.write(dir.resolve("k.json"), "{\"api_token\":\"kus-SECRET\"}");
    Path file = Cli.write(dir.resolve("t.json"), "{\"tenants\":["
        + "{\"name\":\"a\",\"token\":\"" + TOKEN + "\",\"connections\":{\"kustomer\":\"k.json\"},"
        + "\"subtools\":[\"kustomer:get_*\",\"kustomer:list_customers\"]},"
        + "{\"name\":\"b\",\"token_sha256\":\"" + HexFormat.of().formatHex(McpTenants.sha256("b-"
        + TOKEN)).toUpperCase() + "\",\"connections\":{\"customerio\":{\"site_id\":\"s\"}}}]}");
    McpTenants tenants = McpTenants.read(file, Inputs.MAX_CONNECTION_BYTES);
    McpTenants.Tenant a = tenants.byToken(TOKEN);
    assertThat(a.name()).isEqualTo("a");
    assertThat(a.connections().get("kustomer").get("api_token")).isEqualTo("kus-SECRET");
    assertThat(a.subtools()).isEqualTo("kustomer:get_*,kustomer:list_customers");
    assertThat(tenants.byToken("b-" + TOKEN).name()).isEqualTo("b");
    assertThat(tenants.byToken("b-" + TOKEN).subtools()).isNull();
    assertThat(tenants.byToken(TOKEN + "x")).isNull();
    assertThat(a.toString()).doesNotContain("kus-SECRET");
  }

  @Test
  void everyProblemIsListedAndNoTokenOrSecretQuoted() {
    Path file = Cli.write(dir.resolve("t.json"), "{\"tenants\":["
        + "{\"name\":\"a\",\"token\":\"short-SECRET\",\"connections\":{}},"
        + "{\"name\":\"a\",\"token\":\"" + TOKEN + "\",\"token_sha256\":\"00\","
        + "\"connections\":{\"kustomer\":{\"api_token\":7}},\"role\":\"admin\"},"
        + "{\"name\":\"c d\",\"token_sha256\":\"xyz\",\"connections\":{\"kustomer\":1},"
        + "\"subtools\":5}]}");
    CliException e = assertThrows(CliException.class,
        () -> McpTenants.read(file, Inputs.MAX_CONNECTION_BYTES));
    assertThat(e.option()).isEqualTo("--tenants");
    assertThat(e).hasMessageThat().isEqualTo("The tenants file '" + file + "' is not valid:"
        + "\n- /tenants/0/token: must be at least 32 printable ASCII characters without spaces"
        + " (e.g. from: openssl rand -hex 32)"
        + "\n- /tenants/0/connections: must be an object of tool id to connection file or"
        + " credential values, e.g. {\"kustomer\": \"kustomer.json\"}"
        + "\n- /tenants/1/role: is not a tenant field; use name, token or token_sha256,"
        + " connections, subtools"
        + "\n- /tenants/1/name: repeats the name of /tenants/0; give each tenant its own name"
        + "\n- /tenants/1: needs exactly one of token (the bearer token) or token_sha256 (its"
        + " SHA-256 in hex, e.g. from: printf %s TOKEN | sha256sum)"
        + "\n- /tenants/1/connections/kustomer/api_token: must be a string (credential values"
        + " are text)"
        + "\n- /tenants/2/name: must be a name of letters, digits, '_', '.' or '-' (at most 64)"
        + "\n- /tenants/2/token_sha256: must be 64 hex digits, the SHA-256 of the token"
        + "\n- /tenants/2/connections/kustomer: must be a connection file's path or an object of"
        + " credential values"
        + "\n- /tenants/2/subtools: must be a string like \"kustomer:get_*,kustomer:list_customers\""
        + " or a non-empty array of such entries");
    assertWithMessage("no token is quoted").that(e.getMessage()).doesNotContain("SECRET");
  }

  @Test
  void aTenantsFileThatIsNotJsonShowsThePlaceOnly() {
    Path file = Cli.write(dir.resolve("t.json"), "{\"tenants\": [{\"token\": \"SECRET-abc\" x");
    CliException e = assertThrows(CliException.class,
        () -> McpTenants.read(file, Inputs.MAX_CONNECTION_BYTES));
    assertThat(e).hasMessageThat().startsWith("The tenants file '" + file + "' is not valid JSON"
        + " (line 1, column ");
    assertThat(e).hasMessageThat().doesNotContain("SECRET");
  }

  @Test
  void httpNeedsTenantsAndTakesNoConnectionOrToken() {
    Cli cli = new Cli();
    Cli.Result none = cli.run("mcp", "--http", "127.0.0.1:0");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.error().path("message").asText()).startsWith("--http needs --tenants FILE");
    Cli.Result both = cli.run("mcp", "--http", "127.0.0.1:0", "--tenants", "t.json",
        "--connection", "kustomer=k.json");
    assertThat(both.error().path("message").asText()).startsWith("With --http, each tenant's"
        + " connections and subtools are in the --tenants file");
    Cli.Result bad = cli.run("mcp", "--http", "localhost", "--tenants", "t.json");
    assertThat(bad.error().path("message").asText()).startsWith("--http takes HOST:PORT");
    Cli.Result stdio = cli.run("mcp", "--connection", "kustomer=-");
    assertThat(stdio.error().path("message").asText()).isEqualTo("--connection kustomer=- cannot"
        + " be used over stdio: standard input carries the protocol; use a file or env:VAR");
    Cli.Result nothing = cli.run("mcp");
    assertThat(nothing.error().path("message").asText()).startsWith("Give at least one"
        + " --connection TOOL=FILE");
  }
}
