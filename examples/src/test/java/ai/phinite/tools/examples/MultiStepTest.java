package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.NotFoundException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolException;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The multi-step {@code add_ticket_note}: a lookup, then a post, or the post alone. */
class MultiStepTest extends HelpdeskWireMockTest {
  private static final String LOOKUP = "/contacts/C-1/tickets?limit=1&sort=-created";

  @BeforeEach
  void stubNotes() {
    wm.stubFor(post(urlPathMatching("/tickets/.+/notes"))
        .willReturn(okJson("{\"id\":\"N-1\"}").withStatus(201)));
  }

  /** The URLs received, in the order received. */
  private static List<String> received() {
    List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
    return all.stream().map(r -> r.getMethod() + " " + r.getUrl()).collect(Collectors.toList());
  }

  @Test
  void withTicketIdPostsOnce() {
    Response r = invoke("add_ticket_note", "{'contact_id':'C-1','text':'Hi','ticket_id':'T-5'}");

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body()).isEqualTo(j("{'id':'N-1'}"));
    assertThat(received()).containsExactly("POST /tickets/T-5/notes");
    wm.verify(postRequestedFor(urlEqualTo("/tickets/T-5/notes"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withRequestBody(exactJson("{'body':'Hi'}")));
  }

  @Test
  void withoutTicketIdLooksUpTheNewestTicketThenPosts() {
    wm.stubFor(get(urlEqualTo(LOOKUP))
        .willReturn(okJson("{\"data\":[{\"id\":\"T/9 x\",\"subject\":\"Newest\"}]}")));

    Response r = invoke("add_ticket_note", "{'contact_id':'C-1','text':'Called back'}");

    assertThat(r.status()).isEqualTo(201);
    assertThat(received())
        .containsExactly("GET " + LOOKUP, "POST /tickets/T%2F9%20x/notes").inOrder();
    wm.verify(getRequestedFor(urlEqualTo(LOOKUP))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("Content-Type", WireMock.absent()));
    wm.verify(postRequestedFor(urlEqualTo("/tickets/T%2F9%20x/notes"))
        .withRequestBody(exactJson("{'body':'Called back'}")));
  }

  @Test
  void contactWithoutTicketIsNotFoundAndNothingIsPosted() {
    wm.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson("{\"data\":[]}")));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> invoke("add_ticket_note", "{'contact_id':'C-1','text':'Hi'}"));

    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.getMessage()).isEqualTo(
        "Contact C-1 has no ticket; create one with create_ticket or pass ticket_id");
    assertThat(e.toJson()).isEqualTo(j("{'kind':'not_found','message':'Contact C-1 has no"
        + " ticket; create one with create_ticket or pass ticket_id'}"));
    assertThat(received()).containsExactly("GET " + LOOKUP);
  }

  @Test
  void lookupWithoutAUsableIdIsUnusableAndAnUnexpectedShapeIsNotFound() {
    // a ticket whose id is null, empty or not a string: the lookup's answer cannot be used
    for (String ticket : new String[] {"{\"id\":\"\"}", "{\"id\":null}", "{\"id\":7}"}) {
      wm.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson("{\"data\":[" + ticket + "]}")));
      ToolException e = assertThrows(ToolException.class,
          () -> invoke("add_ticket_note", "{'contact_id':'C-1','text':'Hi'}"));
      assertThat(e.kind()).isEqualTo("unusable_response");
      assertThat(e).hasMessageThat().isEqualTo("add_ticket_note could not continue: the"
          + " contact's newest ticket came back without a usable id; pass ticket_id; its earlier"
          + " requests were sent, nothing further was");
    }

    wm.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson("[]")));
    assertThat(assertThrows(ToolException.class,
        () -> invoke("add_ticket_note", "{'contact_id':'C-1','text':'Hi'}")).kind())
        .isEqualTo("not_found");
    assertThat(wm.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void failedLookupIsReportedAsTheLookupsHttpError() {
    wm.stubFor(get(urlEqualTo(LOOKUP)).willReturn(WireMock.aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"code\":\"not_found\",\"message\":\"No contact C-1\"}]}")));

    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> invoke("add_ticket_note", "{'contact_id':'C-1','text':'Hi'}"));

    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.getMessage()).isEqualTo(
        "newest_tickets failed: HTTP 404 Not Found: No contact C-1");
    assertThat(received()).containsExactly("GET " + LOOKUP);
  }

  @Test
  void validationHappensBeforeTheFirstStep() {
    assertThat(lines(invalid("add_ticket_note", "{'contact_id':'C-1','text':''}")))
        .containsExactly("/text: must be at least 1 character long; got 0");
    assertThat(lines(invalid("add_ticket_note",
        "{'contact_id':'C-1','text':'" + "x".repeat(5001) + "'}")))
        .containsExactly("/text: must be at most 5000 characters long; got 5001");
    assertThat(lines(invalid("add_ticket_note", "{'text':'x'}")))
        .containsExactly("/contact_id: is required but missing (The contact the note is about.)");
  }
}
