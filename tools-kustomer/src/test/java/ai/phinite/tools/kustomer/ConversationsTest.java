package ai.phinite.tools.kustomer;

import org.junit.jupiter.api.Test;

/** Conversations on the wire: subtools 9–13. */
class ConversationsTest extends KustomerServerTest {

  @Test
  void createConversation_postsAdditionalFieldsForTheCustomer() {
    call("create_conversation", "{'customer_id': 'c1', 'additional_fields':"
        + " {'name': 'Refund request', 'status': 'open', 'priority': 3, 'assignedTeams': null}}");
    assertSent("POST", "/v1/customers/c1/conversations",
        "{'name': 'Refund request', 'status': 'open', 'priority': 3, 'assignedTeams': null}");
  }

  @Test
  void createConversation_withoutFieldsSendsAnEmptyObject() {
    call("create_conversation", "{'customer_id': 'c1'}");
    assertSent("POST", "/v1/customers/c1/conversations", "{}");
  }

  @Test
  void getConversation() {
    call("get_conversation", "{'conversation_id': 'v1'}");
    assertSent("GET", "/v1/conversations/v1");
  }

  @Test
  void listConversations() {
    call("list_conversations", "{'page': 1, 'page_size': 25}");
    assertSent("GET", "/v1/conversations?page=1&pageSize=25");
  }

  @Test
  void updateConversation_patchesWithUpdateFields() {
    call("update_conversation", "{'conversation_id': 'v1', 'update_fields':"
        + " {'status': 'done', 'assignedUsers': ['u1'], 'snooze': null}}");
    assertSent("PATCH", "/v1/conversations/v1",
        "{'status': 'done', 'assignedUsers': ['u1'], 'snooze': null}");
  }

  @Test
  void deleteConversation() {
    call("delete_conversation", "{'conversation_id': 'v1'}");
    assertSent("DELETE", "/v1/conversations/v1");
  }
}
