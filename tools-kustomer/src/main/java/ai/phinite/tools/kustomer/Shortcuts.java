package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Kustomer shortcuts (saved replies): subtools 48–52 of the product page. */
public interface Shortcuts {

  /**
   * [I] Method and path are confirmed; which fields Kustomer requires besides {@code name} is
   * inferred (the reply text goes in {@code draft.text}, passed through additional_fields).
   */
  @Subtool(title = "Create Shortcut", description = "Create a shortcut (saved reply). Requires name.")
  @POST("/shortcuts")
  Response createShortcut(
      @BodyField @Arg(value = "The shortcut's name.", minLength = 1) String name,
      @BodyMerge @Arg(value = ArgText.SHORTCUT_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Get Shortcut", description = "Fetch a single shortcut by id.")
  @GET("/shortcuts/{shortcut_id}")
  @Shape(item = "/data", itemSchema = Shapes.SHORTCUT_SCHEMA,
      fields = {"name", "draft", "categories", "appliesTo"})
  Response getShortcut(@Path @Arg("The shortcut's id.") String shortcutId);

  @Subtool(title = "List Shortcuts", description = "List shortcuts with pagination.")
  @GET("/shortcuts")
  @Shape(items = "/data", itemSchema = Shapes.SHORTCUT_SCHEMA, fields = {"name", "draft",
      "categories"})
  @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
  Response listShortcuts(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  @Subtool(title = "Update Shortcut",
      description = "Update a shortcut. Provide only fields to change via update_fields.")
  @PUT("/shortcuts/{shortcut_id}")
  Response updateShortcut(
      @Path @Arg("The shortcut's id.") String shortcutId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);

  @Subtool(title = "Delete Shortcut", description = "Delete a shortcut by id. Irreversible.")
  @DELETE("/shortcuts/{shortcut_id}")
  Response deleteShortcut(@Path @Arg("The shortcut's id.") String shortcutId);
}
