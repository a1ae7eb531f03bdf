package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.examples.HelpdeskTool.ContactRef;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typed calls from Java through the generated client, and that secrets never leak. */
class TypedClientAndSecretsTest extends HelpdeskWireMockTest {
  @BeforeEach
  void stub() {
    stubOk();
  }

  @Test
  void typedGetTicket() {
    HelpdeskTool helpdesk = connection.client(HelpdeskTool.class);

    Response r = helpdesk.getTicket("x");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(j("{'ok':true}"));
    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets/x");
  }

  @Test
  void typedCallsBindLikeJsonCalls() {
    HelpdeskTool helpdesk = connection.client(HelpdeskTool.class);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("due_at", null);
    extra.put("tags", List.of("a", "b"));

    helpdesk.createTicket("S", "a@b.co", null, extra, null);
    assertThat(bodyOf(onlyRequest())).isEqualTo(
        j("{'subject':'S','requester':{'email':'a@b.co'},'due_at':null,'tags':['a','b']}"));

    wm.resetRequests();
    helpdesk.tagContacts("vip",
        List.of(new ContactRef(null, "a@b.co"), new ContactRef("C-1", null)));
    assertThat(bodyOf(onlyRequest()))
        .isEqualTo(j("{'contacts':[{'email':'a@b.co'},{'id':'C-1'}]}"));

    wm.resetRequests();
    helpdesk.listTickets(null, 5, HelpdeskTool.Status.closed, List.of("x y"));
    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets?pageSize=5&status=closed&tag=x%20y");
  }

  @Test
  void typedCallsStillRefuseUnsafeValues() {
    HelpdeskTool helpdesk = connection.client(HelpdeskTool.class);

    assertThat(assertThrows(InvalidInputException.class, () -> helpdesk.getTicket(".."))
        .problems().get(0).pointer()).isEqualTo("/ticket_id");
    assertThat(assertThrows(InvalidInputException.class,
        () -> helpdesk.createTicket("S", "a@b.co", null, null, "a\nb")).problems().get(0)
        .pointer()).isEqualTo("/idempotency_key");
    assertThat(assertThrows(InvalidInputException.class,
        () -> helpdesk.createTicket("S", "a@b.co", null, Map.of("subject", "x"), null))
        .problems().get(0).pointer()).isEqualTo("/additional_fields/subject");
    assertNothingSent();
  }

  @Test
  void clientOfAnotherTypeIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> connection.client(Runnable.class));
    assertThat(e.getMessage()).isEqualTo("Tool helpdesk does not implement java.lang.Runnable");
  }

  @Test
  void connectionToStringMasksSecrets() {
    assertThat(connection.toString())
        .isEqualTo("Connection[helpdesk, api_key=***, files_key=***, region=us]");
    try (Connection c = connect().credential("workspace", "acme").build()) {
      assertThat(c.toString()).isEqualTo(
          "Connection[helpdesk, api_key=***, files_key=***, workspace=acme, region=us]");
    }
  }

  /** Every text a caller could log after a mix of failing and succeeding calls. */
  @Test
  void noSecretInAnythingACallerCanSee() throws Exception {
    List<String> seen = new ArrayList<>();
    seen.add(connection.toString());
    seen.add(connection.dryRun("get_ticket", j("{'ticket_id':'T-1'}")).toString());
    seen.add(connection.dryRun("upload_attachment", j("{'file_name':'a.txt','content':'x'}"))
        .toJson().toString());
    seen.add(connection.dryRun("add_ticket_note", j("{'contact_id':'C-1','text':'x'}")).toString());
    seen.add(connection.invoke("who_am_i", j("{}")).toString());

    wm.stubFor(get(urlEqualTo("/tickets/T-404")).willReturn(aResponse().withStatus(404)));
    wm.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"bad key\"}")));
    seen.add(connection.test().toJson().toString());
    seen.add(connection.test().toString());
    collect(seen, () -> invoke("get_ticket", "{'ticket_id':'T-404'}"));
    collect(seen, () -> invoke("list_tickets", "{'page':0,'status':'x'}"));
    collect(seen, () -> invoke("get_ticket", "{'ticket_id':'..'}"));
    collect(seen, () -> invoke("nope", "{}"));
    collect(seen, () -> connect().credential("region", "mars").build());
    collect(seen, () -> connect().credential("api_key", API_KEY + "\n").build());
    collect(seen, () -> connectWithoutOverrides().credential("workspace", "a.b").build());

    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(2_000)));
    try (Connection slow = connect().deadline(Duration.ofMillis(200)).build()) {
      collect(seen, () -> slow.invoke("who_am_i", j("{}")));
      seen.add(slow.test().toJson().toString());
    }
    int port = closedPort();
    try (Connection down = connect().baseUrl("api", "http://127.0.0.1:" + port).build()) {
      collect(seen, () -> down.invoke("who_am_i", j("{}")));
    }

    assertThat(seen.size()).isAtLeast(17);
    for (String text : seen) {
      assertThat(text).doesNotContain(API_KEY);
      assertThat(text).doesNotContain(FILES_KEY);
    }
  }

  /** Runs a call expected to fail and keeps everything its exception shows. */
  private static void collect(List<String> seen, Runnable call) {
    ToolException e = assertThrows(ToolException.class, call::run);
    seen.add(e.toString());
    seen.add(e.toJson().toString());
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      seen.add(String.valueOf(t));
    }
  }
}
