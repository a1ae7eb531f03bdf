package ai.phinite.tools.examples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.SubtoolSelection;
import ai.phinite.tools.runtime.UnknownNameException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every schema rule of {@link HelpdeskTool} refuses a bad value with its JSON pointer and a message
 * an agent can act on, and nothing reaches the server ({@link #invalid} checks that each time).
 */
class ValidationTest extends HelpdeskWireMockTest {
  private static final String PATTERN = "^[^/\\\\]+\\.[A-Za-z0-9]+$";

  @BeforeEach
  void stub() {
    stubOk();
  }

  @Test
  void minimumAndMaximum() {
    assertThat(lines(invalid("list_tickets", "{'page':0}")))
        .containsExactly("/page: must be at least 1; got 0");
    assertThat(lines(invalid("list_tickets", "{'page_size':101}")))
        .containsExactly("/page_size: must be at most 100; got 101");
    assertThat(lines(invalid("list_tickets", "{'page_size':0}")))
        .containsExactly("/page_size: must be at least 1; got 0");
    assertThat(lines(invalid("create_ticket",
        "{'subject':'s','requester_email':'a@b.co','priority':5}")))
        .containsExactly("/priority: must be at most 4; got 5");
  }

  @Test
  void enumValues() {
    assertThat(lines(invalid("list_tickets", "{'status':'done'}")))
        .containsExactly("/status: must be one of \"open\", \"pending\", \"closed\"; got \"done\"");
    assertThat(lines(invalid("list_tickets", "{'status':'OPEN'}")))
        .containsExactly("/status: must be one of \"open\", \"pending\", \"closed\"; got \"OPEN\"");
  }

  @Test
  void itemCounts() {
    assertThat(lines(invalid("list_tickets",
        "{'tags':['1','2','3','4','5','6','7','8','9','10','11']}")))
        .containsExactly("/tags: must have at most 10 items; got 11");
    assertThat(lines(invalid("tag_contacts", "{'tag':'vip','contacts':[]}")))
        .containsExactly("/contacts: must have at least 1 item; got 0");
  }

  @Test
  void stringLengthsCountCharacters() {
    assertThat(lines(invalid("create_ticket", "{'subject':'','requester_email':'a@b.co'}")))
        .containsExactly("/subject: must be at least 1 character long; got 0");
    assertThat(lines(invalid("create_ticket",
        "{'subject':'" + "x".repeat(201) + "','requester_email':'a@b.co'}")))
        .containsExactly("/subject: must be at most 200 characters long; got 201");
    assertThat(lines(invalid("create_ticket", "{'subject':'s','requester_email':'a@b.co',"
        + "'idempotency_key':'" + "k".repeat(65) + "'}")))
        .containsExactly("/idempotency_key: must be at most 64 characters long; got 65");
    assertThat(lines(invalid("add_ticket_note", "{'contact_id':'C-1','text':''}")))
        .containsExactly("/text: must be at least 1 character long; got 0");
  }

  @Test
  void lengthLimitsCountCodePointsNotUtf16Units() {
    // 200 emoji are 400 UTF-16 units but 200 characters: accepted and sent.
    invoke("create_ticket", "{'subject':'" + "😀".repeat(200) + "','requester_email':'a@b.co'}");
    assertThat(bodyOf(onlyRequest()).get("subject").asText()).isEqualTo("😀".repeat(200));
  }

  @Test
  void emailFormat() {
    assertThat(lines(invalid("create_ticket",
        "{'subject':'s','requester_email':'ada.example.com'}")))
        .containsExactly("/requester_email: must be an email address like name@example.com;"
            + " got \"ada.example.com\"");
    assertThat(lines(invalid("find_contact_by_email", "{'email':'a b@c.de'}")))
        .containsExactly(
            "/email: must be an email address like name@example.com; got \"a b@c.de\"");
    assertThat(lines(invalid("tag_contacts",
        "{'tag':'vip','contacts':[{'email':'ok@b.co'},{'email':'x'}]}")))
        .containsExactly("/contacts/1/email: must be an email address like name@example.com;"
            + " got \"x\"");
  }

  @Test
  void patternOnFileName() {
    assertThat(lines(invalid("upload_attachment", "{'file_name':'dir/a.txt','content':'x'}")))
        .containsExactly("/file_name: must match the pattern " + PATTERN + "; got \"dir/a.txt\"");
    assertThat(lines(invalid("upload_attachment", "{'file_name':'README','content':'x'}")))
        .containsExactly("/file_name: must match the pattern " + PATTERN + "; got \"README\"");
    ObjectNode args = JsonNodeFactory.instance.objectNode()
        .put("file_name", "a\\b.txt").put("content", "x");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connection.invoke("upload_attachment", args));
    // The value is quoted as a JSON string, so the backslash shows escaped.
    assertThat(lines(e))
        .containsExactly(
            "/file_name: must match the pattern " + PATTERN + "; got \"a\\\\b.txt\"");
    assertNothingSent();
  }

  @Test
  void maxBytesCountsUtf8Bytes() {
    // 32,769 'é' are 32,769 characters (far below 65,536) but 65,538 bytes in UTF-8.
    ObjectNode args = JsonNodeFactory.instance.objectNode()
        .put("file_name", "a.txt").put("content", "é".repeat(32_769));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connection.invoke("upload_attachment", args));
    assertThat(lines(e)).containsExactly("/content: must be at most 65536 bytes long when encoded"
        + " as UTF-8 (the limit is in bytes, not characters); got 65538 bytes");
    assertNothingSent();

    // Exactly 65,536 bytes is accepted.
    args.put("content", "é".repeat(32_768));
    connection.invoke("upload_attachment", args);
    assertThat(bodyOf(onlyRequest()).get("content").asText()).hasLength(32_768);
  }

  @Test
  void minProperties() {
    assertThat(lines(invalid("update_ticket", "{'ticket_id':'T-1','update_fields':{}}")))
        .containsExactly("/update_fields: must have at least 1 property; got 0");
  }

  @Test
  void unknownArguments() {
    assertThat(lines(invalid("get_ticket", "{'ticket_id':'T-1','verbose':true}")))
        .containsExactly("/verbose: is not an allowed argument; allowed: ticket_id");
    assertThat(lines(invalid("list_tickets", "{'pageSize':10}")))
        .containsExactly("/pageSize: is not an allowed argument; allowed: page, page_size,"
            + " status, tags (did you mean page_size?)");
    assertThat(lines(invalid("who_am_i", "{'x':1}")))
        .containsExactly("/x: is not an allowed argument; no arguments are allowed here");
    assertThat(lines(invalid("tag_contacts", "{'tag':'vip','contacts':[{'name':'Ada'}]}")))
        .containsExactly("/contacts/0/name: is not an allowed argument; allowed: id, email");
  }

  @Test
  void missingRequiredArguments() {
    assertThat(lines(invalid("get_ticket", "{}")))
        .containsExactly("/ticket_id: is required but missing (The ticket's id.)");
    assertThat(lines(invalid("upload_attachment", "{}")))
        .containsExactly(
            "/file_name: is required but missing (The file name, with extension.)",
            "/content: is required but missing (The text content.)")
        .inOrder();
  }

  @Test
  void wrongTypes() {
    assertThat(lines(invalid("list_tickets", "{'page':'2'}")))
        .containsExactly("/page: must be an integer, not a string \"2\"");
    assertThat(lines(invalid("list_tickets", "{'page':2.5}")))
        .containsExactly("/page: must be an integer, not a number 2.5");
    assertThat(lines(invalid("list_tickets", "{'tags':'vip'}")))
        .containsExactly("/tags: must be an array, not a string \"vip\"");
    assertThat(lines(invalid("list_tickets", "{'tags':['vip',7]}")))
        .containsExactly("/tags/1: must be a string, not a number 7");
    assertThat(lines(invalid("update_ticket", "{'ticket_id':'T-1','update_fields':[1]}")))
        .containsExactly("/update_fields: must be an object, not an array");
    assertThat(lines(invalid("get_ticket", "{'ticket_id':42}")))
        .containsExactly("/ticket_id: must be a string, not a number 42");
  }

  @Test
  void integralNumberWithAFractionPartIsAnInteger() {
    invoke("list_tickets", "{'page':3.0}");
    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets?page=3&pageSize=25");
  }

  @Test
  void argumentsMustBeAnObject() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> connection.invoke("get_ticket", j("['T-1']")));
    assertThat(lines(e)).containsExactly(": must be a JSON object of named arguments, not array");
    assertThat(e.getMessage()).startsWith("Invalid arguments for get_ticket: (arguments): ");
    assertNothingSent();
  }

  @Test
  void severalProblemsAreReportedTogetherInDocumentOrder() {
    InvalidInputException e = invalid("create_ticket", "{'subject':'','priority':0,"
        + "'colour':'red','additional_fields':'x','idempotency_key':'" + "k".repeat(70) + "'}");

    assertThat(lines(e)).containsExactly(
        "/requester_email: is required but missing (The requester's email address.)",
        "/subject: must be at least 1 character long; got 0",
        "/priority: must be at least 1; got 0",
        "/colour: is not an allowed argument; allowed: subject, requester_email, priority,"
            + " additional_fields, idempotency_key",
        "/additional_fields: must be an object, not a string \"x\"",
        "/idempotency_key: must be at most 64 characters long; got 70").inOrder();
    assertThat(e.getMessage()).startsWith("Invalid arguments for create_ticket: "
        + "/requester_email: is required but missing");
    assertThat(e.toJson().get("problems")).hasSize(6);
    assertThat(e.toJson().get("kind").asText()).isEqualTo("invalid_arguments");
  }

  @Test
  void unknownSubtoolIsRefusedBeforeSending() {
    UnknownNameException e = assertThrows(UnknownNameException.class,
        () -> invoke("delete_everything", "{}"));
    assertThat(e.kind()).isEqualTo("unknown_subtool");
    assertThat(e.getMessage()).startsWith("Tool 'helpdesk' has no subtool 'delete_everything';"
        + " available subtools: get_ticket, find_contact_by_email, list_tickets");
    // Operations that are not subtools cannot be called by name either.
    assertThat(assertThrows(UnknownNameException.class,
        () -> invoke("newest_tickets", "{'contact_id':'C-1'}")).kind())
        .isEqualTo("unknown_subtool");
    assertNothingSent();
  }

  @Test
  void subtoolThatIsNotEnabledIsRefusedBeforeSending() {
    try (var c = connect().subtools(
        SubtoolSelection.parse("helpdesk:get_ticket")).build()) {
      UnknownNameException e = assertThrows(UnknownNameException.class,
          () -> c.invoke("delete_ticket", j("{'ticket_id':'T-1'}")));
      assertThat(e.getMessage()).isEqualTo("Tool 'helpdesk' has subtool 'delete_ticket', but it"
          + " is not enabled on this connection; enabled subtools: get_ticket");
      c.invoke("get_ticket", j("{'ticket_id':'T-1'}"));
    }
    assertThat(onlyRequest().getUrl()).isEqualTo("/tickets/T-1");
  }
}
