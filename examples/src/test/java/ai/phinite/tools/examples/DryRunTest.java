package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.PreparedRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Dry runs build exactly the request a call would send, mask secrets, and send nothing. */
class DryRunTest extends HelpdeskWireMockTest {
  private String userAgent;

  @BeforeEach
  void stubAndLearnUserAgent() {
    stubOk();
    userAgent = connection.dryRun("who_am_i", j("{}")).header("User-Agent").value();
    assertThat(userAgent).matches("phinite-tools/\\S+");
  }

  private static List<String> fieldNames(ObjectNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void postWithEveryKindOfHeader() {
    PreparedRequest r = connection.dryRun("create_ticket", j("{'subject':'Printer',"
        + "'requester_email':'ada@example.com','idempotency_key':'k-1',"
        + "'additional_fields':{'channel':null}}"));

    ObjectNode json = r.toJson();
    assertThat(fieldNames(json)).containsExactly("method", "url", "headers", "body").inOrder();
    ObjectNode expected = (ObjectNode) j("{'method':'POST','url':'" + wm.baseUrl() + "/tickets',"
        + "'headers':{'Accept':'application/json','User-Agent':'" + userAgent + "',"
        + "'Content-Type':'application/json','Authorization':'***','Idempotency-Key':'k-1'},"
        + "'body':{'subject':'Printer','requester':{'email':'ada@example.com'},'priority':2,"
        + "'channel':null}}");
    assertThat(json).isEqualTo(expected);
    assertThat(fieldNames((ObjectNode) json.get("headers"))).containsExactly("Accept",
        "User-Agent", "Content-Type", "Authorization", "Idempotency-Key").inOrder();
    assertThat(r.toString()).isEqualTo(json.toString());
    assertThat(r.operation()).isEqualTo("create_ticket");
    assertThat(r.server()).isEqualTo("api");
    assertThat(r.header("authorization").secret()).isTrue();
    assertThat(r.header("authorization").shown()).isEqualTo("***");
    assertThat(r.header("authorization").toString()).isEqualTo("Authorization: ***");
    assertNothingSent();
  }

  @Test
  void getHasNoBodyAndNoContentType() {
    PreparedRequest r = connection.dryRun("list_tickets", j("{'tags':['a b']}"));

    assertThat(r.toJson()).isEqualTo(j("{'method':'GET','url':'" + wm.baseUrl()
        + "/tickets?pageSize=25&tag=a%20b','headers':{'Accept':'application/json',"
        + "'User-Agent':'" + userAgent + "','Authorization':'***'},'body':null}"));
    assertThat(r.body()).isNull();
    assertNothingSent();
  }

  @Test
  void filesServerKeyIsMasked() {
    PreparedRequest r = connection.dryRun("upload_attachment",
        j("{'file_name':'a.txt','content':'hi'}"));

    assertThat(r.toJson()).isEqualTo(j("{'method':'POST','url':'" + wm.baseUrl()
        + "/attachments?filename=a.txt','headers':{'Accept':'application/json',"
        + "'User-Agent':'" + userAgent + "','Content-Type':'application/json',"
        + "'X-Files-Key':'***'},'body':{'content':'hi'}}"));
    assertThat(r.toString()).doesNotContain(FILES_KEY);
    assertNothingSent();
  }

  @Test
  void bodyConstantsAndPutMethod() {
    PreparedRequest r = connection.dryRun("close_ticket", j("{'ticket_id':'T 1'}"));

    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.url()).isEqualTo(wm.baseUrl() + "/tickets/T%201/status");
    assertThat(r.body()).isEqualTo(j("{'status':'closed','notify':false}"));
    assertNothingSent();
  }

  @Test
  void dryRunValidatesLikeInvoke() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connection.dryRun("list_tickets", j("{'page_size':500}")));
    assertThat(lines(e)).containsExactly("/page_size: must be at most 100; got 500");
    e = assertThrows(InvalidInputException.class,
        () -> connection.dryRun("get_ticket", j("{'ticket_id':'..'}")));
    assertThat(e.problems().get(0).pointer()).isEqualTo("/ticket_id");
    e = assertThrows(InvalidInputException.class, () -> connection.dryRun("create_ticket",
        j("{'subject':'s','requester_email':'a@b.co','additional_fields':{'subject':'x'}}")));
    assertThat(e.problems().get(0).pointer()).isEqualTo("/additional_fields/subject");
    assertNothingSent();
  }

  @Test
  void multiStepWithoutTicketShowsTheLookup() {
    PreparedRequest r = connection.dryRun("add_ticket_note",
        j("{'contact_id':'C 1','text':'Called back'}"));

    assertThat(r.toJson()).isEqualTo(j("{'method':'GET','url':'" + wm.baseUrl()
        + "/contacts/C%201/tickets?limit=1&sort=-created','headers':{'Accept':'application/json',"
        + "'User-Agent':'" + userAgent + "','Authorization':'***'},'body':null}"));
    assertThat(r.operation()).isEqualTo("newest_tickets");
    assertNothingSent();
  }

  @Test
  void multiStepWithTicketShowsThePost() {
    PreparedRequest r = connection.dryRun("add_ticket_note",
        j("{'contact_id':'C-1','text':'Called back','ticket_id':'T-9'}"));

    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.url()).isEqualTo(wm.baseUrl() + "/tickets/T-9/notes");
    assertThat(r.body()).isEqualTo(j("{'body':'Called back'}"));
    assertThat(r.operation()).isEqualTo("post_note");
    assertNothingSent();
  }

  @Test
  void dryRunOfTheRealHostsNeedsNoServer() {
    try (var c = connectWithoutOverrides().credential("region", "eu").build()) {
      PreparedRequest r = c.dryRun("who_am_i", j("{}"));
      assertThat(r.url()).isEqualTo("https://eu.api.helpdesk.example/v2/me");
      assertThat(r.toJson().get("headers").get("Authorization").asText()).isEqualTo("***");
    }
  }
}
