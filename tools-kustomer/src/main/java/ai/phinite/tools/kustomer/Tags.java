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
 * <p>Only the list ({@code GET /tags}) is confirmed by public sources (Pipedream's components and
 * both Singer taps call it). [I] Create, get, update and delete are inferred: no public reference
 * documents them — not Kustomer's developer docs or API reference, not the client generated from
 * Kustomer's OpenAPI, not the Singer taps or Pipedream's components. Their methods and paths follow
 * Kustomer's REST conventions for the other resources; they are kept because the product page
 * offers them, and should be probed against a sandbox org before anyone relies on them.
 */
public interface Tags {

  /**
   * [I] Inferred: no public reference documents {@code POST /tags}. (Confirmed alternative:
   * appending a tag name to a conversation, {@code POST /conversations/{id}/tags}, creates the tag
   * if it does not exist.)
   */
  @Subtool(title = "Create Tag", description = "Create a tag. Requires name.")
  @POST("/tags")
  Response createTag(
      @BodyField @Arg(value = "The tag's name.", minLength = 1) String name,
      @BodyMerge @Arg(value = ArgText.TAG_FIELDS, required = false) ObjectNode additionalFields);

  /** [I] Inferred: no public reference documents {@code GET /tags/{id}}. */
  @Subtool(title = "Get Tag", description = "Fetch a single tag by id.")
  @GET("/tags/{tag_id}")
  @Shape(item = "/data", itemSchema = Shapes.TAG_SCHEMA, fields = {"name", "color"})
  Response getTag(@Path @Arg("The tag's id.") String tagId);

  /** Confirmed by public client code: {@code GET /tags?page=&pageSize=}. */
  @Subtool(title = "List Tags", description = "List tags with pagination.")
  @GET("/tags")
  @Shape(items = "/data", itemSchema = Shapes.TAG_SCHEMA, fields = {"name", "color"})
  @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
  Response listTags(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  /**
   * [I] Inferred: no public reference documents updating a tag; whether it is {@code PUT} or
   * {@code PATCH /tags/{id}} is unknown ({@code PUT} follows the other resources).
   */
  @Subtool(title = "Update Tag",
      description = "Update a tag. Provide only fields to change via update_fields.")
  @PUT("/tags/{tag_id}")
  Response updateTag(
      @Path @Arg("The tag's id.") String tagId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);

  /**
   * [I] Inferred: no public reference documents {@code DELETE /tags/{id}}; Kustomer may treat it
   * as a soft delete (tag lists take a {@code deleted} filter).
   */
  @Subtool(title = "Delete Tag", description = "Delete a tag by id. Irreversible.")
  @DELETE("/tags/{tag_id}")
  Response deleteTag(@Path @Arg("The tag's id.") String tagId);
}
