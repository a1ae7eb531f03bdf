package ai.phinite.tools.kustomer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.NotFoundException;
import ai.phinite.tools.runtime.PreparedRequest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes on the wire: subtools 18–21, and the two ways create_note finds its conversation. */
class NotesTest extends WireMockTestBase {
  private static final String LOOKUP = "/v1/customers/c1/conversations?page=1&pageSize=1";

  @Test
  void createNote_withConversationIdPostsOnce() {
    call("create_note", "{'customer_id': 'c1', 'conversation_id': 'v9', 'body': 'Called back',"
        + " 'additional_fields': {'userMentions': [{'user': 'u1'}], 'externalId': null}}");
    assertSent("POST", "/v1/conversations/v9/notes",
        "{'body': 'Called back', 'userMentions': [{'user': 'u1'}], 'externalId': null}");
  }

  @Test
  void createNote_withoutConversationIdLooksUpTheFirstConversationThenPosts() {
    wireMock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson(
        "{\"meta\":{\"page\":1,\"pageSize\":1},\"data\":[{\"type\":\"conversation\",\"id\":\"v7\"}]}")));

    call("create_note", "{'customer_id': 'c1', 'body': 'Prefers email'}");

    List<LoggedRequest> sent = received();
    assertThat(sent).hasSize(2);
    assertRequest(sent.get(0), "GET", LOOKUP, null);
    assertRequest(sent.get(1), "POST", "/v1/conversations/v7/notes", "{'body': 'Prefers email'}");
  }

  @Test
  void createNote_customerWithoutConversationIsNotFoundAndCreatesNothing() {
    wireMock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson("{\"data\":[]}")));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> call("create_note", "{'customer_id': 'c1', 'body': 'Prefers email'}"));

    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.getMessage()).contains("c1");
    assertThat(e.getMessage()).contains("create_conversation");
    assertThat(e.getMessage()).contains("conversation_id");
    assertThat(received()).hasSize(1);
    assertRequest(received().get(0), "GET", LOOKUP, null);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"id\":null}", "{\"id\":\"\"}", "{\"id\":42}", "{\"id\":{\"$oid\":\"v7\"}}",
      "{\"type\":\"conversation\"}"})
  void createNote_aLookupWithoutAUsableIdIsUnusableAndPostsNothing(String conversation) {
    wireMock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson(
        "{\"data\":[" + conversation + "]}")));

    ai.phinite.tools.runtime.UnusableResponseException e = assertThrows(
        ai.phinite.tools.runtime.UnusableResponseException.class,
        () -> call("create_note", "{'customer_id': 'c1', 'body': 'Prefers email'}"));

    assertThat(e.kind()).isEqualTo("unusable_response");
    assertThat(e.getMessage()).startsWith("create_note could not continue: the customer's first"
        + " conversation came back without a usable id (");
    assertThat(e.getMessage()).endsWith("); pass conversation_id; its earlier requests were sent,"
        + " nothing further was");
    assertThat(received()).hasSize(1); // never /conversations/null/notes
    assertRequest(received().get(0), "GET", LOOKUP, null);
  }

  @Test
  void createNote_unknownCustomerIsTheLookupsNotFound() {
    wireMock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(notFound()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errors\":[{\"status\":\"404\",\"title\":\"Not Found\","
            + "\"detail\":\"customer not found\"}]}")));

    HttpStatusException e = assertThrows(HttpStatusException.class,
        () -> call("create_note", "{'customer_id': 'c1', 'body': 'Prefers email'}"));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.kind()).isEqualTo("not_found");
    assertThat(e.serverMessage()).isEqualTo("customer not found");
    assertThat(received()).hasSize(1);
  }

  @Test
  void createNote_additionalFieldRepeatingBodyIsRefusedBeforeThePost() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> call("create_note", "{'customer_id': 'c1', 'conversation_id': 'v9', 'body': 'x',"
            + " 'additional_fields': {'body': 'y'}}"));

    assertThat(e.problems().get(0).pointer()).isEqualTo("/additional_fields/body");
    assertNothingSent();
  }

  @Test
  void createNote_additionalFieldRepeatingBodyNeverReachesThePostWithoutConversationId() {
    wireMock.stubFor(get(urlEqualTo(LOOKUP)).willReturn(okJson("{\"data\":[{\"id\":\"v7\"}]}")));

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> call("create_note", "{'customer_id': 'c1', 'body': 'x', 'additional_fields': {'body': 'y'}}"));

    assertThat(e.problems().get(0).pointer()).isEqualTo("/additional_fields/body");
    // the schema says additional_fields may not hold "body", so not even the lookup is sent
    assertThat(e.nothingSent()).isTrue();
    assertThat(received()).isEmpty();
  }

  @Test
  void createNote_dryRunShowsTheFirstStep() {
    PreparedRequest lookup = kustomer.dryRun("create_note",
        json("{'customer_id': 'c1', 'body': 'Prefers email'}"));
    assertThat(lookup.method()).isEqualTo("GET");
    assertThat(lookup.url()).endsWith(LOOKUP);

    PreparedRequest post = kustomer.dryRun("create_note",
        json("{'customer_id': 'c1', 'conversation_id': 'v9', 'body': 'Prefers email'}"));
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.url()).endsWith("/v1/conversations/v9/notes");
    assertThat(post.body()).isEqualTo(json("{'body': 'Prefers email'}"));
    assertNothingSent();
  }

  @Test
  void getNote() {
    call("get_note", "{'note_id': 'n1'}");
    assertSent("GET", "/v1/notes/n1");
  }

  @Test
  void listCustomerNotes() {
    call("list_customer_notes", "{'customer_id': 'c1', 'page': 2, 'page_size': 10}");
    assertSent("GET", "/v1/customers/c1/notes?page=2&pageSize=10");
  }

  @Test
  void deleteNote() {
    call("delete_note", "{'note_id': 'n1'}");
    assertSent("DELETE", "/v1/notes/n1");
  }
}
