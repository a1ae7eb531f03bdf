package ai.phinite.tools.kustomer;

import org.junit.jupiter.api.Test;

/** Tags on the wire: subtools 32–36 (all but list are inferred endpoints). */
class TagsTest extends KustomerServerTest {

  @Test
  void createTag() {
    call("create_tag", "{'name': 'vip', 'additional_fields': {'color': '#ff0000'}}");
    assertSent("POST", "/v1/tags", "{'name': 'vip', 'color': '#ff0000'}");
  }

  @Test
  void getTag() {
    call("get_tag", "{'tag_id': 'tg1'}");
    assertSent("GET", "/v1/tags/tg1");
  }

  @Test
  void listTags() {
    call("list_tags", "{'page_size': 50}");
    assertSent("GET", "/v1/tags?pageSize=50");
  }

  @Test
  void updateTag() {
    call("update_tag", "{'tag_id': 'tg1', 'update_fields': {'name': 'VIP', 'color': null}}");
    assertSent("PUT", "/v1/tags/tg1", "{'name': 'VIP', 'color': null}");
  }

  @Test
  void deleteTag() {
    call("delete_tag", "{'tag_id': 'tg1'}");
    assertSent("DELETE", "/v1/tags/tg1");
  }
}
