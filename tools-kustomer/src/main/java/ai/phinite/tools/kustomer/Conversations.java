package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
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

/** Kustomer conversations: subtools 9–13 of the product page. */
public interface Conversations {

  /** The customer is named by the path, so the body needs no {@code customer} field. */
  @Subtool(title = "Create Conversation",
      description = "Create a conversation for a customer. Requires customer_id.")
  @POST("/customers/{customer_id}/conversations")
  Response createConversation(
      @Path @Arg("The id of the customer the conversation is with.") String customerId,
      @BodyMerge @Arg(value = ArgText.CONVERSATION_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Get Conversation", description = "Fetch a single conversation by id.")
  @GET("/conversations/{conversation_id}")
  @Shape(item = "/data", itemSchema = Shapes.CONVERSATION_SCHEMA,
      fields = {"name", "subject", "preview", "status", "priority", "channels",
          "direction", "customer", "assignedUsers", "assignedTeams", "queue", "tags", "custom",
          "messageCount", "lastMessageAt", "createdAt", "updatedAt"})
  Response getConversation(@Path @Arg("The conversation's id.") String conversationId);

  @Subtool(title = "List Conversations", description = "List conversations with pagination.")
  @GET("/conversations")
  @Shape(items = "/data", itemSchema = Shapes.CONVERSATION_SCHEMA, fields = {"name",
      "subject", "status", "priority", "channels", "customer", "assignedUsers", "assignedTeams",
      "tags", "lastMessageAt", "updatedAt"})
  @Paged(page = "page", size = "page_size", defaultSize = 100, more = "/links/next",
      total = "/meta/total")
  Response listConversations(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  /** PATCH changes only the given attributes, so repeating it changes nothing more. */
  @Subtool(title = "Update Conversation",
      description = "Update a conversation (e.g. change status, assignment). Provide fields via"
          + " update_fields.",
      idempotent = Hint.TRUE)
  @PATCH("/conversations/{conversation_id}")
  Response updateConversation(
      @Path @Arg("The conversation's id.") String conversationId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS + " E.g. status (open, snoozed or done),"
          + " assignedUsers, assignedTeams, priority, name, tags.", minProperties = 1)
          ObjectNode updateFields);

  @Subtool(title = "Delete Conversation", description = "Delete a conversation by id. Irreversible.")
  @DELETE("/conversations/{conversation_id}")
  Response deleteConversation(@Path @Arg("The conversation's id.") String conversationId);
}
