package ai.phinite.tools.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Values that would change a URL's structure stay one path segment or one query value. */
class EncodingTest extends HelpdeskWireMockTest {
  @BeforeEach
  void stub() {
    stubOk();
  }

  static Stream<Arguments> pathValues() {
    return Stream.of(
        Arguments.of("a/b", "a%2Fb"),
        Arguments.of("a?b=1", "a%3Fb%3D1"),
        Arguments.of("a#frag", "a%23frag"),
        Arguments.of("a b", "a%20b"),
        Arguments.of("a+b", "a%2Bb"),
        Arguments.of("100%", "100%25"),
        Arguments.of("%2F", "%252F"),
        Arguments.of("x@y", "x%40y"),
        Arguments.of("café", "caf%C3%A9"),
        Arguments.of("日本", "%E6%97%A5%E6%9C%AC"),
        Arguments.of("a;b,c", "a%3Bb%2Cc"),
        Arguments.of("...", "..."),
        Arguments.of("A-z_0.9~", "A-z_0.9~"));
  }

  @ParameterizedTest
  @MethodSource("pathValues")
  void pathValueStaysOneSegment(String id, String encoded) {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("ticket_id", id);

    connection.invoke("get_ticket", args);

    wm.verify(getRequestedFor(urlEqualTo("/tickets/" + encoded)));
    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets/" + encoded);
  }

  @ParameterizedTest
  @MethodSource("pathValues")
  void pathValueInsideASegmentAndBeforeALiteral(String id, String encoded) {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("ticket_id", id);

    connection.invoke("close_ticket", args);

    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets/" + encoded + "/status");
  }

  @Test
  void traversalAttemptStaysOneSegment() {
    // Jetty (inside WireMock) answers 400 to "..%2F" as an ambiguous path, so this one is
    // checked on the prepared request; the encoding is the same code path as above.
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("ticket_id", "../../admin");

    assertThat(connection.dryRun("get_ticket", args).url())
        .isEqualTo(wm.baseUrl() + "/tickets/..%2F..%2Fadmin");
    assertNothingSent();
  }

  @Test
  void emailInsideASegmentIsEncoded() {
    invoke("find_contact_by_email", "{'email':'o+reilly/x@exämple.com'}");

    assertThat(onlyRequest().getUrl())
        .isEqualTo("/contacts/email=o%2Breilly%2Fx%40ex%C3%A4mple.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentsAreRefused(String dots) {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("ticket_id", dots);

    InvalidInputException e = assertThrows(
        InvalidInputException.class, () -> connection.invoke("get_ticket", args));

    assertThat(e.kind()).isEqualTo("invalid_arguments");
    assertThat(e.problems()).containsExactly(problem("/ticket_id",
        "must not be \"" + dots + "\" (a dot segment would change the path)"));
    assertNothingSent();
  }

  @Test
  void dotSegmentsAreRefusedInEveryStepOfAMultiStepSubtool() {
    assertThat(lines(invalid("add_ticket_note", "{'contact_id':'..','text':'t'}")))
        .containsExactly("/contact_id: must not be \"..\" (a dot segment would change the path)");
    assertThat(lines(invalid("add_ticket_note", "{'contact_id':'C-1','text':'t','ticket_id':'.'}")))
        .containsExactly("/ticket_id: must not be \".\" (a dot segment would change the path)");
    assertThat(lines(invalid("add_ticket_note", "{'contact_id':'','text':'t'}")))
        .containsExactly("/contact_id: must be at least 1 character long; got 0");
  }

  @Test
  void emptyPathValueIsRefusedByTheSchema() {
    assertThat(lines(invalid("get_ticket", "{'ticket_id':''}")))
        .containsExactly("/ticket_id: must be at least 1 character long; got 0");
  }

  @Test
  void queryValuesAreEncodedAsOneComponent() {
    ObjectNode args = JsonNodeFactory.instance.objectNode();
    args.putArray("tags").add("a&b=c").add("x+y z").add("é#?/").add("%20");

    connection.invoke("list_tickets", args);

    assertThat(onlyRequest().getUrl()).isEqualTo(
        "/tickets?pageSize=25&tag=a%26b%3Dc&tag=x%2By%20z&tag=%C3%A9%23%3F%2F&tag=%2520");
    // WireMock decodes what it received back into the original values.
    assertThat(onlyRequest().queryParameter("tag").values())
        .containsExactly("a&b=c", "x+y z", "é#?/", "%20").inOrder();
  }

  @Test
  void queryValueOnTheFilesServer() {
    invoke("upload_attachment", "{'file_name':'q&a = 1+1 ok.txt','content':'x'}");

    wm.verify(postRequestedFor(
        urlEqualTo("/attachments?filename=q%26a%20%3D%201%2B1%20ok.txt")));
  }
}
