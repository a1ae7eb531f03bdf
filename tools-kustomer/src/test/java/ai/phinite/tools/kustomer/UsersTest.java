package ai.phinite.tools.kustomer;

import static com.google.common.truth.Truth.assertThat;

import ai.phinite.tools.runtime.ConnectionTestReport;
import org.junit.jupiter.api.Test;

/** Users on the wire: subtools 42–47 (delete is a soft delete), and the connection test. */
class UsersTest extends KustomerServerTest {

  @Test
  void getCurrentUser() {
    call("get_current_user", "{}");
    assertSent("GET", "/v1/users/current");
  }

  @Test
  void getUser() {
    call("get_user", "{'user_id': 'u1'}");
    assertSent("GET", "/v1/users/u1");
  }

  @Test
  void listUsers_acceptsPageSizeUpTo500() {
    call("list_users", "{'page': 2, 'page_size': 500}");
    assertSent("GET", "/v1/users?page=2&pageSize=500");
  }

  @Test
  void createUser() {
    call("create_user", "{'name': 'Grace Hopper', 'email': 'grace@example.com',"
        + " 'additional_fields': {'userType': 'user', 'roleGroups': ['rg1']}}");
    assertSent("POST", "/v1/users", "{'name': 'Grace Hopper', 'email': 'grace@example.com',"
        + " 'userType': 'user', 'roleGroups': ['rg1']}");
  }

  @Test
  void updateUser() {
    call("update_user", "{'user_id': 'u1', 'update_fields': {'displayName': 'Grace', 'mobile': null}}");
    assertSent("PUT", "/v1/users/u1", "{'displayName': 'Grace', 'mobile': null}");
  }

  @Test
  void deleteUser_isASoftDeleteByPut() {
    call("delete_user", "{'user_id': 'u1'}");
    assertSent("PUT", "/v1/users/u1", "{'deleted': true}");
  }

  @Test
  void connectionTest_getsTheCurrentUser() {
    ConnectionTestReport report = kustomer.test();

    assertThat(report.passed()).isTrue();
    assertThat(report.checks()).hasSize(1);
    assertThat(report.checks().get(0).operation()).isEqualTo("get_current_user");
    assertThat(report.checks().get(0).credentials()).containsExactly("api_token");
    assertSent("GET", "/v1/users/current");
  }

  @Test
  void connectionTest_reportsARejectedToken() {
    server.onRequest("GET", "/v1/users/current").respond(ai.phinite.tools.testkit.CannedResponse
        .status(401).withJson("{\"errors\":[{\"code\":\"unauthorized\",\"message\":\"Expired token\"}]}"));

    ConnectionTestReport report = kustomer.test();

    assertThat(report.passed()).isFalse();
    assertThat(report.checks().get(0).status()).isEqualTo(401);
    assertThat(report.checks().get(0).message()).contains("Expired token");
    assertThat(report.toJson().toString()).doesNotContain(TOKEN);
  }
}
