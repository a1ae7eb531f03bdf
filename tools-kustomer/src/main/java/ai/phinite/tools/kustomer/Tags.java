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

/**
 * Kustomer tags: subtools 32–36 of the product page.
 *
 * <p>Only the list ({@code GET /tags}) is confirmed by public sources; create, get, update and
 * delete are inferred from Kustomer's REST conventions (each is marked [I] below).
 */
public interface Tags {

  /**
   * [I] {@code POST /tags} is inferred; no official page or client was found. (Confirmed
   * alternative: appending a tag name to a conversation creates the tag if it does not exist.)
   */
  @Subtool(title = "Create Tag", description = "Create a tag. Requires name.")
  @POST("/tags")
  Response createTag(
      @BodyField @Arg(value = "The tag's name.", minLength = 1) String name,
      @BodyMerge @Arg(value = ArgText.TAG_FIELDS, required = false) ObjectNode additionalFields);

  /** [I] {@code GET /tags/{id}} is inferred; no official page or client was found. */
  @Subtool(title = "Get Tag", description = "Fetch a single tag by id.")
  @GET("/tags/{tag_id}")
  @Shape(item = "/data", itemSchema = Shapes.TAG_SCHEMA)
  Response getTag(@Path @Arg("The tag's id.") String tagId);

  @Subtool(title = "List Tags", description = "List tags with pagination.")
  @GET("/tags")
  @Shape(items = "/data", itemSchema = Shapes.TAG_SCHEMA, fields = {"name", "color"})
  @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
  Response listTags(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  /** [I] {@code PUT /tags/{id}} is inferred (PUT or PATCH is unknown). */
  @Subtool(title = "Update Tag",
      description = "Update a tag. Provide only fields to change via update_fields.")
  @PUT("/tags/{tag_id}")
  Response updateTag(
      @Path @Arg("The tag's id.") String tagId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);

  /**
   * [I] {@code DELETE /tags/{id}} is inferred; Kustomer may treat it as a soft delete (tag lists
   * take a {@code deleted} filter).
   */
  @Subtool(title = "Delete Tag", description = "Delete a tag by id. Irreversible.")
  @DELETE("/tags/{tag_id}")
  Response deleteTag(@Path @Arg("The tag's id.") String tagId);
}
