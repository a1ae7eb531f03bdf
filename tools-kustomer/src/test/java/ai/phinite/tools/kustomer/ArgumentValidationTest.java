package ai.phinite.tools.kustomer;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad arguments are refused, every problem named by its pointer, before anything is sent. */
class ArgumentValidationTest extends KustomerServerTest {

  /** Calls the subtool expecting a refusal; asserts nothing was sent and returns the pointers. */
  private List<String> refused(String subtool, String arguments) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> call(subtool, arguments));
    assertThat(e.kind()).isEqualTo("invalid_arguments");
    assertThat(e.nothingSent()).isTrue();
    assertNothingSent();
    return e.problems().stream().map(Problem::pointer).toList();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "list_customers             | {'page': 0}              | /page",
      "list_customers             | {'page': -1}             | /page",
      "list_customers             | {'page': '2'}            | /page",
      "list_customers             | {'page_size': 0}         | /page_size",
      "list_customers             | {'page_size': 101}       | /page_size",
      "list_conversations         | {'page_size': 101}       | /page_size",
      "list_conversation_messages | {'conversation_id': 'v1', 'page_size': 101} | /page_size",
      "list_customer_notes        | {'customer_id': 'c1', 'page_size': 101}     | /page_size",
      "list_tasks                 | {'page_size': 101}       | /page_size",
      "list_companies             | {'page_size': 101}       | /page_size",
      "list_tags                  | {'page_size': 101}       | /page_size",
      "list_shortcuts             | {'page_size': 101}       | /page_size",
      "list_users                 | {'page_size': 501}       | /page_size",
      "list_teams                 | {'page_size': 501}       | /page_size",
      "list_teams                 | {'page': 0}              | /page",
      "search_customers           | {'query': {}, 'page_size': 501} | /page_size",
  })
  void pagingOutOfBounds(String subtool, String arguments, String pointer) {
    assertThat(refused(subtool, arguments)).containsExactly(pointer);
  }

  @Test
  void everyProblemIsListed() {
    assertThat(refused("list_customers", "{'page': 0, 'page_size': 1000, 'sort': '-createdAt'}"))
        .containsExactly("/page", "/page_size", "/sort");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sideways", "IN", ""})
  void directionIsInOrOut(String direction) {
    assertThat(refused("create_message", "{'conversation_id': 'v1', 'channel': 'email',"
        + " 'direction': '" + direction + "', 'app': 'x'}")).containsExactly("/direction");
  }

  @Test
  void createMessageNeedsChannelDirectionAndApp() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> call("create_message", "{'conversation_id': 'v1'}"));
    assertThat(e.getMessage()).contains("channel");
    assertThat(e.getMessage()).contains("direction");
    assertThat(e.getMessage()).contains("app");
    assertNothingSent();
  }

  @Test
  void noteBodyIsOneTo10240Characters() {
    assertThat(refused("create_note", "{'customer_id': 'c1', 'conversation_id': 'v1', 'body': ''}"))
        .containsExactly("/body");
    assertThat(refused("create_note", "{'customer_id': 'c1', 'conversation_id': 'v1', 'body': '"
        + "x".repeat(10241) + "'}")).containsExactly("/body");

    // 10,240 characters are fine, even when each is two UTF-16 units.
    kustomer.dryRun("create_note", json("{'customer_id': 'c1', 'conversation_id': 'v1', 'body': '"
        + "x".repeat(10240) + "'}"));
    kustomer.dryRun("create_note", json("{'customer_id': 'c1', 'conversation_id': 'v1', 'body': '"
        + "😀".repeat(10240) + "'}"));
    assertNothingSent();
  }

  @Test
  void createNoteNeedsCustomerAndBody() {
    assertThat(refused("create_note", "{'conversation_id': 'v1'}")).hasSize(2);
    assertThat(refused("create_note", "{'customer_id': '', 'body': 'x'}"))
        .containsExactly("/customer_id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"update_customer", "update_conversation", "update_message",
      "update_task", "update_company", "update_tag", "update_team", "update_user",
      "update_shortcut"})
  void updateFieldsNeedsAtLeastOneEntry(String subtool) {
    String id = subtool.substring("update_".length()) + "_id";
    assertThat(refused(subtool, "{'" + id + "': 'x', 'update_fields': {}}"))
        .containsExactly("/update_fields");
    assertThat(refused(subtool, "{'" + id + "': 'x'}")).isNotEmpty();
    assertThat(refused(subtool, "{'" + id + "': 'x', 'update_fields': [1]}"))
        .containsExactly("/update_fields");
  }

  @ParameterizedTest
  @ValueSource(strings = {"get_customer", "get_conversation", "get_message", "get_note",
      "get_task", "get_company", "get_tag", "get_team", "get_user", "get_shortcut"})
  void idsAreNonEmptyStrings(String subtool) {
    String id = subtool.substring("get_".length()) + "_id";
    assertThat(refused(subtool, "{'" + id + "': ''}")).containsExactly("/" + id);
    assertThat(refused(subtool, "{'" + id + "': 42}")).containsExactly("/" + id);
    assertThat(refused(subtool, "{}")).isNotEmpty();
  }

  @Test
  void unknownArgumentsAreRefused() {
    assertThat(refused("get_customer", "{'customer_id': 'c1', 'id': 'c2'}")).containsExactly("/id");
    assertThat(refused("get_current_user", "{'verbose': true}")).containsExactly("/verbose");
  }

  @Test
  void anEmailLookupNeedsAnEmailAddress() {
    assertThat(refused("get_customer_by_email", "{'email': 'not an address'}"))
        .containsExactly("/email");
    assertThat(refused("create_user", "{'name': 'Grace', 'email': 'grace'}"))
        .containsExactly("/email");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "create_customer  | {'name': 'A', 'additional_fields': {'name': 'B'}}        | /additional_fields/name",
      "create_customer  | {'additional_fields': {'name': 'B'}}                     | /additional_fields/name",
      "create_message   | {'conversation_id': 'v1', 'channel': 'sms', 'direction': 'in', 'app': 'a', 'additional_fields': {'direction': 'out'}} | /additional_fields/direction",
      "create_task      | {'name': 'A', 'additional_fields': {'title': 'B'}}       | /additional_fields/title",
      "create_company   | {'name': 'A', 'additional_fields': {'name': null}}       | /additional_fields/name",
      "create_tag       | {'name': 'A', 'additional_fields': {'name': 'B'}}        | /additional_fields/name",
      "create_team      | {'name': 'A', 'additional_fields': {'name': 'B'}}        | /additional_fields/name",
      "create_user      | {'name': 'A', 'email': 'a@b.co', 'additional_fields': {'email': 'c@d.co'}} | /additional_fields/email",
      "create_shortcut  | {'name': 'A', 'additional_fields': {'name': 'B'}}        | /additional_fields/name",
  })
  void additionalFieldsMayNotRepeatANamedField(String subtool, String arguments, String pointer) {
    assertThat(refused(subtool, arguments)).containsExactly(pointer);
  }

  @Test
  void createTaskMayCarryANameAttributeBesideItsTitle() {
    call("create_task", "{'name': 'A', 'additional_fields': {'name': 'internal'}}");
    assertSent("POST", "/v1/klasses/task", "{'title': 'A', 'name': 'internal'}");
  }

  @Test
  void requiredNamesAreNonEmpty() {
    assertThat(refused("create_company", "{'name': ''}")).containsExactly("/name");
    assertThat(refused("create_task", "{}")).containsExactly("/name");
  }
}
