package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
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

/** Kustomer messages: subtools 14–17 of the product page. */
public interface Messages {

  /**
   * Records a message on the conversation's timeline; Kustomer delivers nothing for this call
   * (delivery to a customer goes through drafts).
   *
   * <p>[I] Which attribute Kustomer shows as the message text ({@code preview} or the channel's
   * {@code meta}) is inferred, not documented.
   */
  @Subtool(title = "Create Message",
      description = "Create/send a message on an existing conversation. Requires channel,"
          + " direction and app. Kustomer records the message on the conversation; it does not"
          + " deliver it to the customer.")
  @POST("/conversations/{conversation_id}/messages")
  Response createMessage(
      @Path @Arg("The id of the conversation the message belongs to.") String conversationId,
      @BodyField @Arg(value = "The channel, e.g. email, sms, chat, facebook, twitter-dm, voice,"
          + " instagram or whatsapp.", minLength = 1) String channel,
      @BodyField @Arg(value = "Whether the customer sent the message (in) or the business"
          + " did (out).", allowed = {"in", "out"}) String direction,
      @BodyField @Arg(value = "A stable identifier of the integration recording the message,"
          + " e.g. acme-inbox.", minLength = 1) String app,
      @BodyMerge @Arg(value = ArgText.MESSAGE_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Get Message", description = "Fetch a single message by id.")
  @GET("/messages/{message_id}")
  @Shape(item = "/data", itemSchema = Shapes.MESSAGE_SCHEMA, fields = {"channel",
      "direction", "status", "subject", "preview", "meta", "conversation", "customer", "createdBy",
      "sentAt"})
  Response getMessage(@Path @Arg("The message's id.") String messageId);

  @Subtool(title = "List Conversation Messages",
      description = "List messages within a conversation.")
  @GET("/conversations/{conversation_id}/messages")
  @Shape(items = "/data", itemSchema = Shapes.MESSAGE_SCHEMA, fields = {"channel",
      "direction", "subject", "preview", "status", "sentAt", "createdBy"})
  @Paged(page = "page", size = "page_size", defaultSize = 100, more = "/links/next",
      total = "/meta/total")
  Response listConversationMessages(
      @Path @Arg("The conversation's id.") String conversationId,
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  @Subtool(title = "Update Message",
      description = "Update a message (e.g. status). Provide fields via update_fields.")
  @PUT("/messages/{message_id}")
  Response updateMessage(
      @Path @Arg("The message's id.") String messageId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);
}
