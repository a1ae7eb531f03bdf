package ai.phinite.tools.kustomer;

import org.junit.jupiter.api.Test;

/** Shortcuts on the wire: subtools 48–52. */
class ShortcutsTest extends KustomerServerTest {

  @Test
  void createShortcut() {
    call("create_shortcut", "{'name': 'Refund ETA', 'additional_fields':"
        + " {'draft': {'text': 'Hi {{customer.firstName}}, your refund arrives in 5 days.'}}}");
    assertSent("POST", "/v1/shortcuts", "{'name': 'Refund ETA',"
        + " 'draft': {'text': 'Hi {{customer.firstName}}, your refund arrives in 5 days.'}}");
  }

  @Test
  void getShortcut() {
    call("get_shortcut", "{'shortcut_id': 's1'}");
    assertSent("GET", "/v1/shortcuts/s1");
  }

  @Test
  void listShortcuts() {
    call("list_shortcuts", "{'page': 1, 'page_size': 1}");
    assertSent("GET", "/v1/shortcuts?page=1&pageSize=1");
  }

  @Test
  void updateShortcut() {
    call("update_shortcut", "{'shortcut_id': 's1', 'update_fields': {'name': 'Refund timing'}}");
    assertSent("PUT", "/v1/shortcuts/s1", "{'name': 'Refund timing'}");
  }

  @Test
  void deleteShortcut() {
    call("delete_shortcut", "{'shortcut_id': 's1'}");
    assertSent("DELETE", "/v1/shortcuts/s1");
  }
}
