package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.ToolCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication per server, the standard headers, and the choice of host from credentials. */
class AuthAndServersTest extends HelpdeskWireMockTest {
  private static final String USER_AGENT = "phinite-tools/[0-9A-Za-z.\\-]+";

  @BeforeEach
  void stub() {
    stubOk();
  }

  @Test
  void apiServerUsesTheBearerTokenAndNoBodyHeadersOnGet() {
    invoke("get_ticket", "{'ticket_id':'T-1'}");

    wm.verify(getRequestedFor(urlEqualTo("/tickets/T-1"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("X-Files-Key", absent())
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(USER_AGENT))
        .withHeader("Content-Type", absent()));
    assertThat(onlyRequest().getBodyAsString()).isEmpty();
  }

  @Test
  void apiServerPostCarriesContentType() {
    invoke("create_ticket", "{'subject':'s','requester_email':'a@b.co'}");

    wm.verify(postRequestedFor(urlEqualTo("/tickets"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(USER_AGENT))
        .withHeader("Content-Type", equalTo("application/json")));
  }

  @Test
  void deleteHasNoBodyAndNoContentType() {
    invoke("delete_ticket", "{'ticket_id':'T-1'}");

    wm.verify(deleteRequestedFor(urlEqualTo("/tickets/T-1"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("Content-Type", absent()));
    assertThat(onlyRequest().getBodyAsString()).isEmpty();
  }

  @Test
  void filesServerUsesTheKeyHeaderAndNoBearer() {
    invoke("upload_attachment", "{'file_name':'a.txt','content':'hi'}");

    wm.verify(postRequestedFor(urlEqualTo("/attachments?filename=a.txt"))
        .withHeader("X-Files-Key", equalTo(FILES_KEY))
        .withHeader("Authorization", absent())
        .withHeader("Accept", equalTo("application/json"))
        .withHeader("User-Agent", matching(USER_AGENT))
        .withHeader("Content-Type", equalTo("application/json")));
  }

  private static String dryRunUrl(Connection.Builder builder, String subtool, String args) {
    try (Connection c = builder.build()) {
      return c.dryRun(subtool, j(args)).url();
    }
  }

  @Test
  void defaultHost() {
    assertThat(dryRunUrl(connectWithoutOverrides(), "get_ticket", "{'ticket_id':'T-1'}"))
        .isEqualTo("https://api.helpdesk.example/v2/tickets/T-1");
    assertThat(dryRunUrl(connectWithoutOverrides().credential("region", "us"),
        "get_ticket", "{'ticket_id':'T-1'}"))
        .isEqualTo("https://api.helpdesk.example/v2/tickets/T-1");
    assertNothingSent();
  }

  @Test
  void regionSelectsTheEuHost() {
    assertThat(dryRunUrl(connectWithoutOverrides().credential("region", "eu"),
        "list_tickets", "{}"))
        .isEqualTo("https://eu.api.helpdesk.example/v2/tickets?pageSize=25");
  }

  @Test
  void workspaceSelectsItsOwnHostAndWinsOverRegion() {
    assertThat(dryRunUrl(connectWithoutOverrides().credential("workspace", "acme"),
        "get_ticket", "{'ticket_id':'T-1'}"))
        .isEqualTo("https://acme.helpdesk.example/v2/tickets/T-1");
    assertThat(dryRunUrl(connectWithoutOverrides().credential("workspace", "acme-2")
            .credential("region", "eu"), "get_ticket", "{'ticket_id':'T-1'}"))
        .isEqualTo("https://acme-2.helpdesk.example/v2/tickets/T-1");
  }

  @Test
  void filesServerHasNoVariants() {
    assertThat(dryRunUrl(connectWithoutOverrides().credential("workspace", "acme")
            .credential("region", "eu"),
        "upload_attachment", "{'file_name':'a.txt','content':'x'}"))
        .isEqualTo("https://files.helpdesk.example/attachments?filename=a.txt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme.evil.com", "a/b", "x@y", "UPPER", "-acme", "acme-", "a b",
      "evil.com#", "a:80"})
  void workspaceThatIsNotOneDnsLabelIsRefused(String workspace) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connectWithoutOverrides().credential("workspace", workspace).build());

    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(e.nothingSent()).isTrue();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).pointer()).isEqualTo("/workspace");
    assertThat(e.problems().get(0).message()).startsWith("must be a DNS label");
    assertThat(e.getMessage()).startsWith("Invalid connection for helpdesk: /workspace: ");
  }

  @Test
  void workspaceOfSixtyFourCharactersIsRefused() {
    assertThat(assertThrows(InvalidInputException.class, () -> connectWithoutOverrides()
        .credential("workspace", "a".repeat(64)).build()).problems().get(0).pointer())
        .isEqualTo("/workspace");
    connectWithoutOverrides().credential("workspace", "a".repeat(63)).build().close();
  }

  @Test
  void unknownRegionIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connectWithoutOverrides().credential("region", "ap").build());
    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(lines(e)).containsExactly("/region: must be one of us, eu; got 'ap'");
  }

  @Test
  void unknownCredentialKeyIsRefused() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connect().credential("token", "t").build());
    assertThat(lines(e)).containsExactly("/token: is not a credential of Helpdesk (example);"
        + " expected api_key, files_key, workspace, region");
  }

  @Test
  void missingSecretIsRefusedWithoutQuotingTheOtherSecret() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ToolCatalog.load().require("helpdesk").connection()
            .credential("files_key", FILES_KEY).credential("api_key", "  ").build());

    assertThat(e.kind()).isEqualTo("invalid_connection");
    assertThat(lines(e)).containsExactly(
        "/api_key: is required (API Key: The API key of a help-desk agent.)");
    assertThat(e.getMessage()).doesNotContain(FILES_KEY);
    assertThat(e.toJson().toString()).doesNotContain(FILES_KEY);
  }

  @Test
  void secretWithALineBreakIsRefusedWithoutQuotingIt() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connect().credential("api_key", API_KEY + "\r\nX-Evil: 1").build());
    assertThat(lines(e)).containsExactly(
        "/api_key: must not contain line breaks or control characters");
    assertThat(e.getMessage()).doesNotContain(API_KEY);
  }

  @Test
  void everyConnectionProblemIsListedTogether() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> ToolCatalog.load().require("helpdesk").connection()
            .credential("region", "mars").credential("tenant", "x")
            .baseUrl("cdn", "http://localhost").build());
    assertThat(e.problems().stream().map(p -> p.pointer()).toList())
        .containsExactly("/tenant", "/api_key", "/files_key", "/region", "/servers/cdn")
        .inOrder();
  }

  @Test
  void baseUrlOverrideMustBeAPlainHttpUrl() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connect().baseUrl("api", "ftp://example.com").build());
    assertThat(e.problems().get(0).pointer()).isEqualTo("/servers/api");
    e = assertThrows(InvalidInputException.class,
        () -> connect().baseUrl("files", "http://example.com/x?y=1").build());
    assertThat(e.problems().get(0).pointer()).isEqualTo("/servers/files");
  }
}
