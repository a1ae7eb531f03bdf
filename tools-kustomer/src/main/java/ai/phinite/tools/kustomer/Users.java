package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyConstant;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Kustomer users: subtools 42–47 of the product page. */
public interface Users {

  /** Also the connection test: the (machine) user behind the API token. */
  @Subtool(title = "Get Current User",
      description = "Get the user associated with the current API token.")
  @ConnectionTest("Kustomer API token (api_token)")
  @GET("/users/current")
  @Shape(item = "/data", itemSchema = Shapes.USER_SCHEMA, fields = {"name",
      "displayName", "email", "userType", "roles", "timeZone", "lastSeenAt"})
  Response getCurrentUser();

  @Subtool(title = "Get User", description = "Fetch a single user by id.")
  @GET("/users/{user_id}")
  @Shape(item = "/data", itemSchema = Shapes.USER_SCHEMA, fields = {"name",
      "displayName", "email", "userType", "roles", "timeZone", "lastSeenAt"})
  Response getUser(@Path @Arg("The user's id.") String userId);

  @Subtool(title = "List Users", description = "List users with pagination.")
  @GET("/users")
  @Shape(items = "/data", itemSchema = Shapes.USER_SCHEMA, fields = {"name", "displayName",
      "email", "userType"})
  @Paged(page = "page", size = "page_size", more = "/links/next")
  Response listUsers(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_500, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE_LARGE) Integer pageSize);

  /** Kustomer's "create / invite new user": the user gets an invitation email. */
  @Subtool(title = "Create User",
      description = "Create a user (agent). Requires name and email. Kustomer sends the user an"
          + " invitation email.")
  @POST("/users")
  Response createUser(
      @BodyField @Arg(value = "The user's full name.", minLength = 1) String name,
      @BodyField @Arg(value = "The user's email address; the invitation goes there.",
          format = "email") String email,
      @BodyMerge @Arg(value = ArgText.USER_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Update User",
      description = "Update a user. Provide only fields to change via update_fields.")
  @PUT("/users/{user_id}")
  Response updateUser(
      @Path @Arg("The user's id.") String userId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);

  /**
   * Kustomer has no DELETE for users: "To delete a user, set deleted to true." A soft delete
   * (deactivation), marked destructive as the product page calls it irreversible.
   */
  @Subtool(title = "Delete User",
      description = "Delete a user by id. Irreversible. Kustomer has no delete for users: this"
          + " deactivates the user by marking it deleted (a soft delete).",
      destructive = Hint.TRUE)
  @PUT("/users/{user_id}")
  @BodyConstant(field = "deleted", json = "true")
  Response deleteUser(@Path @Arg("The user's id.") String userId);
}
