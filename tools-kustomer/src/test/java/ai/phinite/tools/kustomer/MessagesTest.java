package ai.phinite.tools.kustomer;

import org.junit.jupiter.api.Test;

/** Messages on the wire: subtools 14–17. */
class MessagesTest extends KustomerServerTest {

  @Test
  void createMessage_postsChannelDirectionAppAndAdditionalFields() {
    call("create_message", "{'conversation_id': 'v1', 'channel': 'email', 'direction': 'out',"
        + " 'app': 'acme-inbox', 'additional_fields': {'preview': 'Your refund is on its way',"
        + " 'subject': 'Refund', 'externalId': null}}");
    assertSent("POST", "/v1/conversations/v1/messages", "{'channel': 'email', 'direction': 'out',"
        + " 'app': 'acme-inbox', 'preview': 'Your refund is on its way', 'subject': 'Refund',"
        + " 'externalId': null}");
  }

  @Test
  void createMessage_withoutAdditionalFields() {
    call("create_message",
        "{'conversation_id': 'v1', 'channel': 'sms', 'direction': 'in', 'app': 'sms-gw'}");
    assertSent("POST", "/v1/conversations/v1/messages",
        "{'channel': 'sms', 'direction': 'in', 'app': 'sms-gw'}");
  }

  @Test
  void getMessage() {
    call("get_message", "{'message_id': 'm1'}");
    assertSent("GET", "/v1/messages/m1");
  }

  @Test
  void listConversationMessages() {
    call("list_conversation_messages", "{'conversation_id': 'v1', 'page': 4, 'page_size': 50}");
    assertSent("GET", "/v1/conversations/v1/messages?page=4&pageSize=50");
  }

  @Test
  void updateMessage() {
    call("update_message", "{'message_id': 'm1', 'update_fields': {'status': 'sent'}}");
    assertSent("PUT", "/v1/messages/m1", "{'status': 'sent'}");
  }
}
