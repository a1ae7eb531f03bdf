package ai.phinite.tools.kustomer;

import static ai.phinite.tools.kustomer.KustomerServerTest.TOKEN;
import static ai.phinite.tools.kustomer.KustomerServerTest.json;
import static ai.phinite.tools.kustomer.KustomerServerTest.provider;
import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.PreparedRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code call kustomer <subtool> --dry-run} prints for valid arguments, for every subtool:
 * the request the contract specifies, on the real Kustomer host, with nothing sent.
 */
class ContractDryRunTest {
  private static final String V1 = "https://api.kustomerapp.com/v1";
  private static Connection kustomer;

  @BeforeAll
  static void connect() {
    kustomer = provider().connect(Map.of("api_token", TOKEN));
  }

  @AfterAll
  static void close() {
    kustomer.close();
  }

  private static Arguments row(String subtool, String arguments, String method, String path, String body) {
    return Arguments.of(subtool, arguments, method, path, body);
  }

  static Stream<Arguments> contract() {
    String fields = "{'update_fields': {'name': 'X', 'note': null}";
    return Stream.of(
        row("create_customer", "{'name': 'Ada', 'additional_fields': {'locale': 'en'}}", "POST", "/customers", "{'name': 'Ada', 'locale': 'en'}"),
        row("get_customer", "{'customer_id': 'c1'}", "GET", "/customers/c1", null),
        row("get_customer_by_email", "{'email': 'ada@example.com'}", "GET", "/customers/email=ada%40example.com", null),
        row("get_customer_by_phone", "{'phone': '+15551234567'}", "GET", "/customers/phone=%2B15551234567", null),
        row("list_customers", "{'page': 1, 'page_size': 100}", "GET", "/customers?page=1&pageSize=100", null),
        row("update_customer", fields + ", 'customer_id': 'c1'}", "PUT", "/customers/c1", "{'name': 'X', 'note': null}"),
        row("delete_customer", "{'customer_id': 'c1'}", "DELETE", "/customers/c1", null),
        row("search_customers", "{'query': {'queryContext': 'customer'}, 'page': 2, 'page_size': 500}", "POST", "/customers/search?page=2&pageSize=500", "{'queryContext': 'customer'}"),
        row("create_conversation", "{'customer_id': 'c1'}", "POST", "/customers/c1/conversations", "{}"),
        row("get_conversation", "{'conversation_id': 'v1'}", "GET", "/conversations/v1", null),
        row("list_conversations", "{'page': 3}", "GET", "/conversations?page=3", null),
        row("update_conversation", "{'conversation_id': 'v1', 'update_fields': {'status': 'done'}}", "PATCH", "/conversations/v1", "{'status': 'done'}"),
        row("delete_conversation", "{'conversation_id': 'v1'}", "DELETE", "/conversations/v1", null),
        row("create_message", "{'conversation_id': 'v1', 'channel': 'chat', 'direction': 'in', 'app': 'web'}", "POST", "/conversations/v1/messages", "{'channel': 'chat', 'direction': 'in', 'app': 'web'}"),
        row("get_message", "{'message_id': 'm1'}", "GET", "/messages/m1", null),
        row("list_conversation_messages", "{'conversation_id': 'v1'}", "GET", "/conversations/v1/messages", null),
        row("update_message", "{'message_id': 'm1', 'update_fields': {'status': 'error'}}", "PUT", "/messages/m1", "{'status': 'error'}"),
        row("create_note", "{'customer_id': 'c1', 'body': 'Hi'}", "GET", "/customers/c1/conversations?page=1&pageSize=1", null),
        row("get_note", "{'note_id': 'n1'}", "GET", "/notes/n1", null),
        row("list_customer_notes", "{'customer_id': 'c1', 'page_size': 5}", "GET", "/customers/c1/notes?pageSize=5", null),
        row("delete_note", "{'note_id': 'n1'}", "DELETE", "/notes/n1", null),
        row("create_task", "{'name': 'Follow up'}", "POST", "/klasses/task", "{'title': 'Follow up'}"),
        row("get_task", "{'task_id': 't1'}", "GET", "/klasses/task/t1", null),
        row("list_tasks", "{}", "GET", "/klasses/task", null),
        row("update_task", "{'task_id': 't1', 'update_fields': {'custom': {'doneBool': true}}}", "PUT", "/klasses/task/t1", "{'custom': {'doneBool': true}}"),
        row("delete_task", "{'task_id': 't1'}", "DELETE", "/klasses/task/t1", null),
        row("create_company", "{'name': 'Acme'}", "POST", "/companies", "{'name': 'Acme'}"),
        row("get_company", "{'company_id': 'co1'}", "GET", "/companies/co1", null),
        row("list_companies", "{'page': 1, 'page_size': 1}", "GET", "/companies?page=1&pageSize=1", null),
        row("update_company", fields + ", 'company_id': 'co1'}", "PUT", "/companies/co1", "{'name': 'X', 'note': null}"),
        row("delete_company", "{'company_id': 'co1'}", "PUT", "/companies/co1", "{'deleted': true}"),
        row("create_tag", "{'name': 'vip'}", "POST", "/tags", "{'name': 'vip'}"),
        row("get_tag", "{'tag_id': 'tg1'}", "GET", "/tags/tg1", null),
        row("list_tags", "{'page': 1}", "GET", "/tags?page=1", null),
        row("update_tag", "{'tag_id': 'tg1', 'update_fields': {'name': 'VIP'}}", "PUT", "/tags/tg1", "{'name': 'VIP'}"),
        row("delete_tag", "{'tag_id': 'tg1'}", "DELETE", "/tags/tg1", null),
        row("create_team", "{'name': 'Tier 1'}", "POST", "/teams", "{'name': 'Tier 1'}"),
        row("get_team", "{'team_id': 'tm1'}", "GET", "/teams/tm1", null),
        row("list_teams", "{'page_size': 500}", "GET", "/teams?pageSize=500", null),
        row("update_team", "{'team_id': 'tm1', 'update_fields': {'members': ['u1']}}", "PATCH", "/teams/tm1", "{'members': ['u1']}"),
        row("delete_team", "{'team_id': 'tm1'}", "DELETE", "/teams/tm1", null),
        row("get_current_user", "{}", "GET", "/users/current", null),
        row("get_user", "{'user_id': 'u1'}", "GET", "/users/u1", null),
        row("list_users", "{'page': 1, 'page_size': 500}", "GET", "/users?page=1&pageSize=500", null),
        row("create_user", "{'name': 'Grace', 'email': 'grace@example.com'}", "POST", "/users", "{'name': 'Grace', 'email': 'grace@example.com'}"),
        row("update_user", fields + ", 'user_id': 'u1'}", "PUT", "/users/u1", "{'name': 'X', 'note': null}"),
        row("delete_user", "{'user_id': 'u1'}", "PUT", "/users/u1", "{'deleted': true}"),
        row("create_shortcut", "{'name': 'Greeting', 'additional_fields': {'draft': {'text': 'Hello'}}}", "POST", "/shortcuts", "{'name': 'Greeting', 'draft': {'text': 'Hello'}}"),
        row("get_shortcut", "{'shortcut_id': 's1'}", "GET", "/shortcuts/s1", null),
        row("list_shortcuts", "{'page': 2, 'page_size': 20}", "GET", "/shortcuts?page=2&pageSize=20", null),
        row("update_shortcut", fields + ", 'shortcut_id': 's1'}", "PUT", "/shortcuts/s1", "{'name': 'X', 'note': null}"),
        row("delete_shortcut", "{'shortcut_id': 's1'}", "DELETE", "/shortcuts/s1", null));
  }

  @Test
  void everySubtoolHasARow() {
    List<String> rows = contract().map(a -> (String) a.get()[0]).toList();
    assertThat(rows).containsExactlyElementsIn(kustomer.tool().subtools().keySet()).inOrder();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contract")
  void dryRunPrintsTheContractsRequest(String subtool, String arguments, String method,
      String path, String body) {
    PreparedRequest r = kustomer.dryRun(subtool, json(arguments));

    assertWithMessage("method").that(r.method()).isEqualTo(method);
    assertWithMessage("url").that(r.url()).isEqualTo(V1 + path);
    assertWithMessage("Authorization").that(r.header("Authorization").value()).isEqualTo("Bearer " + TOKEN);
    assertWithMessage("shown").that(r.toJson().toString()).doesNotContain(TOKEN);
    assertWithMessage("Accept").that(r.header("Accept").value()).isEqualTo("application/json");
    if (body == null) {
      assertWithMessage("body").that(r.body()).isNull();
      assertWithMessage("Content-Type").that(r.header("Content-Type")).isNull();
    } else {
      assertWithMessage("body").that(r.body()).isEqualTo(json(body));
      assertWithMessage("Content-Type").that(r.header("Content-Type").value()).isEqualTo("application/json");
    }
  }
}
