package ai.phinite.tools.kustomer;

import org.junit.jupiter.api.Test;

/** Teams on the wire: subtools 37–41. */
class TeamsTest extends KustomerServerTest {

  @Test
  void createTeam() {
    call("create_team", "{'name': 'Tier 2', 'additional_fields': {'members': ['u1', 'u2']}}");
    assertSent("POST", "/v1/teams", "{'name': 'Tier 2', 'members': ['u1', 'u2']}");
  }

  @Test
  void getTeam() {
    call("get_team", "{'team_id': 'tm1'}");
    assertSent("GET", "/v1/teams/tm1");
  }

  @Test
  void listTeams_acceptsPageSizeUpTo500() {
    call("list_teams", "{'page': 1, 'page_size': 500}");
    assertSent("GET", "/v1/teams?page=1&pageSize=500");
  }

  @Test
  void updateTeam_patches() {
    call("update_team", "{'team_id': 'tm1', 'update_fields': {'displayName': 'Escalations'}}");
    assertSent("PATCH", "/v1/teams/tm1", "{'displayName': 'Escalations'}");
  }

  @Test
  void deleteTeam() {
    call("delete_team", "{'team_id': 'tm1'}");
    assertSent("DELETE", "/v1/teams/tm1");
  }
}
