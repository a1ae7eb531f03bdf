package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each argument binding of {@link HelpdeskTool}, checked on the wire. */
class BindingsTest extends HelpdeskWireMockTest {
  @BeforeEach
  void stub() {
    stubOk();
  }

  @Test
  void pathPlaceholderFillsAWholeSegment() {
    Response r = invoke("get_ticket", "{'ticket_id':'T-42'}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(j("{'ok':true}"));
    wm.verify(getRequestedFor(urlEqualTo("/tickets/T-42")));
    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets/T-42");
  }

  @Test
  void pathPlaceholderInsideASegment() {
    invoke("find_contact_by_email", "{'email':'ada@example.com'}");

    assertThat(onlyRequest().getUrl()).isEqualTo("/contacts/email=ada%40example.com");
  }

  @Test
  void queryUsesWireNamesAndAppliesTheDefaultPageSize() {
    invoke("list_tickets", "{'page':2,'status':'pending'}");

    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets?page=2&pageSize=25&status=pending");
  }

  @Test
  void queryPageSizeGivenExplicitly() {
    invoke("list_tickets", "{'page_size':100}");

    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets?pageSize=100");
  }

  @Test
  void queryListRepeatsTheParameterAndAbsentValuesAreOmitted() {
    invoke("list_tickets", "{'tags':['vip','refund','vip']}");

    assertThat(onlyRequest().getUrl())
        .isEqualTo("/tickets?pageSize=25&tag=vip&tag=refund&tag=vip");
  }

  @Test
  void queryAllLeftOutSendsOnlyTheDefault() {
    invoke("list_tickets", "{}");

    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets?pageSize=25");
  }

  @Test
  void explicitNullForAnOptionalArgumentMeansLeftOut() {
    invoke("list_tickets", "{'page':null,'page_size':null,'status':null,'tags':null}");

    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets?pageSize=25");
  }

  @Test
  void explicitNullForARequiredArgumentIsRefused() {
    assertThat(lines(invalid("get_ticket", "{'ticket_id':null}")))
        .containsExactly("/ticket_id: must be a string, not null");
  }

  @Test
  void headerIsSentWhenGivenAndAbsentOtherwise() {
    invoke("create_ticket",
        "{'subject':'Hi','requester_email':'a@b.co','idempotency_key':'key-1'}");
    wm.verify(postRequestedFor(urlEqualTo("/tickets"))
        .withHeader("Idempotency-Key", equalTo("key-1")));

    wm.resetRequests();
    invoke("create_ticket", "{'subject':'Hi','requester_email':'a@b.co'}");
    wm.verify(postRequestedFor(urlEqualTo("/tickets")).withHeader("Idempotency-Key", absent()));

    wm.resetRequests();
    invoke("create_ticket", "{'subject':'Hi','requester_email':'a@b.co','idempotency_key':null}");
    wm.verify(postRequestedFor(urlEqualTo("/tickets")).withHeader("Idempotency-Key", absent()));
  }

  @Test
  void headerWithLineBreaksIsRefusedBeforeSending() {
    for (String bad : new String[] {"a\r\nX-Evil: 1", "a\nb", "a\rb"}) {
      ObjectNode args = (ObjectNode) j("{'subject':'Hi','requester_email':'a@b.co'}");
      args.put("idempotency_key", bad);
      InvalidInputException e = assertThrows(
          InvalidInputException.class, () -> connection.invoke("create_ticket", args));
      // the schema states what a header can carry, so the validator refuses it with the rest
      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().get(0).pointer()).isEqualTo("/idempotency_key");
      assertThat(e.problems().get(0).message()).startsWith("must match the pattern ^[ -~\\t]*$");
      assertThat(e.nothingSent()).isTrue();
    }
    assertNothingSent();
  }

  @Test
  void headerThatHttpCannotCarryIsRefusedAsInvalidInput() {
    for (String bad : new String[] {"日本", "x\u2028y", "cl\u00e9", "a\u0085b"}) {
      ObjectNode args = (ObjectNode) j("{'subject':'Hi','requester_email':'a@b.co'}");
      args.put("idempotency_key", bad);
      InvalidInputException e = assertThrows(
          InvalidInputException.class, () -> connection.invoke("create_ticket", args));
      assertThat(e.problems().get(0).pointer()).isEqualTo("/idempotency_key");
      assertThat(e.problems().get(0).message()).startsWith("must match the pattern ^[ -~\\t]*$");
    }
    assertNothingSent();
  }

  @Test
  void bodyFieldsNestDottedNamesAndApplyDefaults() {
    invoke("create_ticket", "{'subject':'Printer','requester_email':'ada@example.com'}");

    wm.verify(postRequestedFor(urlEqualTo("/tickets")).withRequestBody(exactJson(
        "{'subject':'Printer','requester':{'email':'ada@example.com'},'priority':2}")));
  }

  @Test
  void bodyMergeAddsEntriesAndKeepsExplicitNulls() {
    invoke("create_ticket", "{'subject':'Printer','requester_email':'ada@example.com',"
        + "'priority':4,"
        + "'additional_fields':{'channel':'chat','due_at':null,'custom':{'a':[1,null]}}}");

    assertThat(bodyOf(onlyRequest())).isEqualTo(j("{'subject':'Printer',"
        + "'requester':{'email':'ada@example.com'},'priority':4,"
        + "'channel':'chat','due_at':null,'custom':{'a':[1,null]}}"));
    wm.verify(postRequestedFor(urlEqualTo("/tickets")).withRequestBody(exactJson(
        "{'subject':'Printer','requester':{'email':'ada@example.com'},'priority':4,"
            + "'channel':'chat','due_at':null,'custom':{'a':[1,null]}}")));
  }

  @Test
  void explicitNullForAnOptionalBodyFieldIsNotSentButNullsInsideTheMergeAre() {
    invoke("create_ticket", "{'subject':'S','requester_email':'a@b.co','priority':null,"
        + "'additional_fields':{'due_at':null}}");

    // priority falls back to its default; due_at is data inside an open object.
    assertThat(bodyOf(onlyRequest())).isEqualTo(
        j("{'subject':'S','requester':{'email':'a@b.co'},'priority':2,'due_at':null}"));
  }

  @Test
  void bodyMergeRefusesANamedFieldAndSendsNothing() {
    InvalidInputException e = invalid("create_ticket",
        "{'subject':'Printer','requester_email':'ada@example.com',"
            + "'additional_fields':{'channel':'chat','subject':'Other'}}");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).pointer()).isEqualTo("/additional_fields/subject");
    assertThat(e.problems().get(0).message()).contains("subject");
  }

  @Test
  void bodyMergeRefusesTheTopOfANestedFieldAndAnUnsetField() {
    // "requester" is the top of requester.email, and "priority" is a named field even when the
    // agent leaves it to its default.
    assertThat(invalid("create_ticket", "{'subject':'S','requester_email':'a@b.co',"
        + "'additional_fields':{'requester':{'name':'Ada'}}}").problems().get(0).pointer())
        .isEqualTo("/additional_fields/requester");
    assertThat(invalid("create_ticket", "{'subject':'S','requester_email':'a@b.co',"
        + "'additional_fields':{'priority':1}}").problems().get(0).pointer())
        .isEqualTo("/additional_fields/priority");
  }

  @Test
  void wholeBodyIsSentAsGivenWithExplicitNulls() {
    invoke("update_ticket",
        "{'ticket_id':'T-1','update_fields':{'priority':3,'due_at':null,'tags':[]}}");

    wm.verify(patchRequestedFor(urlEqualTo("/tickets/T-1"))
        .withRequestBody(exactJson("{'priority':3,'due_at':null,'tags':[]}")));
    assertThat(bodyOf(onlyRequest())).isEqualTo(j("{'priority':3,'due_at':null,'tags':[]}"));
  }

  @Test
  void wholeBodyOfAnyJsonObject() {
    invoke("search_tickets", "{'query':{'text':'refund','filters':{'status':['open']}}}");

    wm.verify(postRequestedFor(urlEqualTo("/tickets/search")).withRequestBody(
        exactJson("{'text':'refund','filters':{'status':['open']}}")));
  }

  @Test
  void bodyConstantsAreTheWholeBody() {
    invoke("close_ticket", "{'ticket_id':'T-7'}");

    wm.verify(putRequestedFor(urlEqualTo("/tickets/T-7/status"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(exactJson("{'status':'closed','notify':false}")));
    assertThat(bodyOf(onlyRequest())).isEqualTo(j("{'status':'closed','notify':false}"));
  }

  @Test
  void recordsBecomeObjectsWithoutAbsentComponents() {
    invoke("tag_contacts", "{'tag':'vip','contacts':[{'email':'a@b.co'},{'id':'C-9'},"
        + "{'id':'C-1','email':'c@d.co'},{}]}");

    assertThat(onlyRequest().getUrl()).isEqualTo("/contacts/tags/vip");
    assertThat(bodyOf(onlyRequest())).isEqualTo(j("{'contacts':[{'email':'a@b.co'},"
        + "{'id':'C-9'},{'id':'C-1','email':'c@d.co'},{}]}"));
  }

  @Test
  void explicitNullForARecordComponentInsideAListMeansLeftOut() {
    invoke("tag_contacts", "{'tag':'vip','contacts':[{'id':null,'email':'a@b.co'}]}");

    assertThat(bodyOf(onlyRequest())).isEqualTo(j("{'contacts':[{'email':'a@b.co'}]}"));
  }

  @Test
  void postWhoseBodyValuesAreAllLeftOutSendsAnEmptyObject() {
    // No subtool can leave every body value out (they are required), so the typed client does.
    HelpdeskTool helpdesk = connection.client(HelpdeskTool.class);
    helpdesk.postNote("T-1", null);
    wm.verify(postRequestedFor(urlEqualTo("/tickets/T-1/notes"))
        .withHeader("Content-Type", equalTo("application/json")));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{}");

    wm.resetRequests();
    helpdesk.searchTickets(null);
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{}");

    wm.resetRequests();
    invoke("search_tickets", "{'query':{}}");
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{}");
  }

  @Test
  void uploadGoesToTheFilesServerWithQueryAndBodyField() {
    invoke("upload_attachment", "{'file_name':'notes 1.txt','content':'hello'}");

    wm.verify(postRequestedFor(urlEqualTo("/attachments?filename=notes%201.txt"))
        .withRequestBody(exactJson("{'content':'hello'}")));
  }
}
