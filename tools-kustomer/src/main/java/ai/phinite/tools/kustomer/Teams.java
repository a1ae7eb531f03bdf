package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.PATCH;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Kustomer teams: subtools 37–41 of the product page. */
public interface Teams {

  @Subtool(title = "Create Team", description = "Create a team. Requires name.")
  @POST("/teams")
  Response createTeam(
      @BodyField @Arg(value = "The team's name.", minLength = 1) String name,
      @BodyMerge @Arg(value = ArgText.TEAM_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Get Team", description = "Fetch a single team by id.")
  @GET("/teams/{team_id}")
  @Shape(item = "/data", itemSchema = Shapes.TEAM_SCHEMA, fields = {"name",
      "displayName", "members", "updatedAt"})
  Response getTeam(@Path @Arg("The team's id.") String teamId);

  @Subtool(title = "List Teams", description = "List teams with pagination.")
  @GET("/teams")
  @Shape(items = "/data", itemSchema = Shapes.TEAM_SCHEMA, fields = {"name", "displayName"})
  @Paged(page = "page", size = "page_size", more = "/links/next")
  Response listTeams(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_500, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE_LARGE) Integer pageSize);

  /**
   * PATCH, because Kustomer's PUT on a team requires {@code name}. A {@code members} list
   * replaces the whole membership.
   */
  @Subtool(title = "Update Team",
      description = "Update a team. Provide only fields to change via update_fields.",
      idempotent = Hint.TRUE)
  @PATCH("/teams/{team_id}")
  Response updateTeam(
      @Path @Arg("The team's id.") String teamId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS + " A members list replaces the whole membership.",
          minProperties = 1) ObjectNode updateFields);

  @Subtool(title = "Delete Team", description = "Delete a team by id. Irreversible.")
  @DELETE("/teams/{team_id}")
  Response deleteTeam(@Path @Arg("The team's id.") String teamId);
}
