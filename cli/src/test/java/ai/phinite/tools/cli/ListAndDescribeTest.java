package ai.phinite.tools.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolDescriptor;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code list} and {@code describe} over the example tool on the test class path. */
class ListAndDescribeTest {
  private final Cli cli = new Cli();
  private final ToolDescriptor helpdesk = ToolCatalog.load().require("helpdesk").descriptor();

  @AfterEach
  void noSecrets() {
    cli.assertNoSecretsShown();
  }

  @Test
  void listShowsHelpdeskWithItsSubtoolCountInAlignedColumns() {
    Cli.Result r = cli.run("list");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    String header = lines.get(0);
    assertThat(header).matches("ID +NAME +SUBTOOLS");
    String row = lines.stream().filter(l -> l.startsWith("helpdesk ")).findFirst().orElseThrow();
    assertThat(row).matches("helpdesk +Helpdesk \\(example\\) +"
        + helpdesk.subtools().size());
    assertThat(helpdesk.subtools()).hasSize(12);
    assertThat(row.indexOf("Helpdesk")).isEqualTo(header.indexOf("NAME"));
    assertThat(row.lastIndexOf(" ") + 1).isEqualTo(header.indexOf("SUBTOOLS"));
  }

  @Test
  void listJsonGivesIdNameAndSubtoolCount() {
    Cli.Result r = cli.run("list", "--json");

    assertThat(r.exit()).isEqualTo(0);
    JsonNode entry = null;
    for (JsonNode e : r.outJson()) {
      if (e.path("id").asText().equals("helpdesk")) {
        entry = e;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.toString())
        .isEqualTo("{\"id\":\"helpdesk\",\"name\":\"Helpdesk (example)\",\"subtools\":12}");
  }

  @Test
  void describeShowsToolCredentialsServersAndEverySubtool() {
    Cli.Result r = cli.run("describe", "helpdesk");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    String out = r.out();
    assertThat(out).startsWith("Helpdesk (example) (helpdesk)\n"
        + "Manage tickets, contacts and attachments of the example help desk.\n"
        + "Docs: https://docs.helpdesk.example/\n");
    assertThat(out).containsMatch("(?m)^  api_key +API Key +required, secret$");
    assertThat(out).containsMatch("(?m)^ +The API key of a help-desk agent\\.$");
    assertThat(out).containsMatch("(?m)^  workspace +Workspace +optional$");
    assertThat(out).containsMatch(
        "(?m)^  region +Region +optional, default \"us\", allowed: us, eu$");
    assertThat(out).containsMatch("(?m)^  api +https://api\\.helpdesk\\.example/v2$");
    assertThat(out).contains("auth: Authorization: Bearer <api_key>");
    assertThat(out).contains("when region is \"eu\": https://eu.api.helpdesk.example/v2");
    assertThat(out).contains("auth: X-Files-Key: <files_key>");
    assertThat(out).contains("Subtools (12)");
    for (String name : helpdesk.subtools().keySet()) {
      assertThat(out).containsMatch("(?m)^  " + name + "  " + helpdesk.subtool(name).title() + "$");
    }
    assertThat(out).contains("  get_ticket  Get Ticket\n"
        + "    Fetch one ticket by its id.\n"
        + "    hints: read-only, idempotent, open-world\n"
        + "    request: GET /tickets/{ticket_id}  (server api)\n"
        + "    arguments:\n"
        + "      ticket_id: string, required\n"
        + "          The ticket's id.\n"
        + "          at least 1 character\n");
    assertThat(out).contains("      page_size: integer, optional, default 25\n"
        + "          Tickets per page.\n"
        + "          from 1 to 100\n");
    assertThat(out).contains("one of: open, pending, closed");
    assertThat(out).contains("hints: destructive, idempotent, open-world");
    assertThat(out).contains("request: several requests (a multi-step subtool");
  }

  @Test
  void describeNamesOAuth2CredentialsNeverValues() {
    Cli.Result r = cli.run("describe", "mailbox");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("auth: OAuth2 refresh token grant at"
        + " https://accounts.mail.example/oauth2/token, credentials <client_id>, <client_secret>,"
        + " <refresh_token>, <access_token>");
  }

  @Test
  void describeJsonIsTheDescriptorAsGenerated() throws IOException {
    Cli.Result r = cli.run("describe", "helpdesk", "--json");

    assertThat(r.exit()).isEqualTo(0);
    JsonNode generated;
    try (InputStream in = getClass().getClassLoader()
        .getResourceAsStream("META-INF/phinite/tools/helpdesk.json")) {
      generated = Cli.JSON.readTree(in);
    }
    assertThat(r.outJson()).isEqualTo(generated);
    assertThat(r.outJson()).isEqualTo(helpdesk.json());
    assertThat(r.out()).startsWith("{\n  \"id\": \"helpdesk\",\n");
  }

  @Test
  void describeSubtoolShowsItInDetail() {
    Cli.Result r = cli.run("describe", "helpdesk", "tag_contacts");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("tag_contacts  Tag Contacts\n"
        + "Tool: Helpdesk (example) (helpdesk)\n"
        + "Add a tag to up to 100 contacts.\n"
        + "\n"
        + "Hints: open-world\n"
        + "Request: POST https://api.helpdesk.example/v2/contacts/tags/{tag}\n"
        + "  server api, auth: Authorization: Bearer <api_key>\n"
        + "\n"
        + "Arguments\n"
        + "  tag: string, required\n"
        + "      The tag to add.\n"
        + "      at least 1 character\n"
        + "  contacts: array of object, required\n"
        + "      The contacts to tag.\n"
        + "      from 1 to 100 items\n"
        + "      each item:\n"
        + "        id: string, optional\n"
        + "            The contact's id.\n"
        + "        email: string (email), optional\n"
        + "            The contact's email address.\n"
        + "\n"
        + "Call: phinite-tools call helpdesk tag_contacts --connection FILE"
        + " --args JSON|@FILE [--dry-run]\n");
  }

  @Test
  void describeSubtoolStatesWhichArgumentsGoTogether() {
    Cli.Result r = cli.run("describe", "customerio", "trigger_broadcast");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("  (give at most one of: recipients, ids, emails, per_user_data,"
        + " data_file_url)\n"
        + "  (give id_ignore_missing only together with one of: ids, per_user_data, data_file_url)\n"
        + "  (give email_ignore_missing only together with one of: emails, per_user_data,"
        + " data_file_url)\n"
        + "  (give email_add_duplicates only together with one of: emails, per_user_data,"
        + " data_file_url)\n");
  }

  @Test
  void describeSubtoolJsonIsItsEntryAsGenerated() {
    Cli.Result r = cli.run("describe", "helpdesk", "upload_attachment", "--json");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.outJson()).isEqualTo(helpdesk.subtool("upload_attachment").json());
  }

  @Test
  void describeUnknownToolIsInvalidInput() {
    Cli.Result r = cli.run("describe", "zendesk");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.error().path("kind").asText()).isEqualTo("unknown_tool");
    assertThat(r.error().path("message").asText()).contains("helpdesk");
  }

  @Test
  void describeUnknownSubtoolIsInvalidInput() {
    Cli.Result r = cli.run("describe", "helpdesk", "get_tickets");

    assertWithMessage("%s", r).that(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.error().path("kind").asText()).isEqualTo("unknown_subtool");
    assertThat(r.error().path("message").asText())
        .startsWith("Tool 'helpdesk' has no subtool 'get_tickets'; available subtools: get_ticket,");
  }
}
