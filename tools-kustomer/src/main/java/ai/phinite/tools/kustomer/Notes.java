package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.NotFoundException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.UnusableResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Kustomer notes: subtools 18–21 of the product page. */
public interface Notes {

  /**
   * Kustomer attaches every note to a conversation and has no customer-level note create. With
   * {@code conversation_id} this is one POST; without it, the customer's first listed conversation
   * is looked up first, and a customer with no conversation is a not-found error (nothing is
   * created silently).
   *
   * <p>[I] Using the first conversation of {@code GET /customers/{id}/conversations?page=1&pageSize=1}
   * is this tool's strategy, not Kustomer's; which conversation Kustomer lists first is not
   * documented.
   */
  @Subtool(title = "Create Note",
      description = "Add an internal note to a customer. Requires customer_id and note text."
          + " Kustomer attaches every note to a conversation: pass conversation_id, or the note"
          + " goes on the first conversation Kustomer lists for the customer; a customer with no"
          + " conversation is a not-found error (create one with create_conversation first).",
      destructive = Hint.FALSE)
  default Response createNote(
      @Arg(value = "The id of the customer the note is about.", minLength = 1) String customerId,
      @Arg(value = "The note text.", minLength = 1, maxLength = ArgText.MAX_NOTE_LENGTH) String body,
      @Arg(value = "The conversation to attach the note to; defaults to the customer's first"
          + " listed conversation.", required = false, minLength = 1) String conversationId,
      @Arg(value = ArgText.NOTE_FIELDS, required = false, reservedKeys = "body")
          ObjectNode additionalFields) {
    String conversation = conversationId;
    if (conversation == null) {
      JsonNode first = firstConversationOfCustomer(customerId).path("data").path(0);
      if (first.isMissingNode()) {
        throw new NotFoundException("Customer " + customerId + " has no conversation to attach"
            + " the note to; create one with create_conversation, or pass conversation_id.");
      }
      JsonNode id = first.path("id");
      if (!id.isTextual() || id.textValue().isBlank()) {
        // never /conversations/null/notes: a lookup without a usable id ends the call here
        throw new UnusableResponseException("create_note", "the customer's first conversation"
            + " came back without a usable id (" + (id.isMissingNode() ? "none" : id.isTextual()
            ? "empty" : id.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
            + "); pass conversation_id");
      }
      conversation = id.textValue();
    }
    return postNote(conversation, body, additionalFields);
  }

  /** The customer's first listed conversation (a step of create_note, not offered to agents). */
  @GET("/customers/{customer_id}/conversations?page=1&pageSize=1")
  JsonNode firstConversationOfCustomer(@Path String customerId);

  /** Posts a note on a conversation (a step of create_note). */
  @POST("/conversations/{conversation_id}/notes")
  Response postNote(
      @Path String conversationId,
      @BodyField("body") String body,
      @BodyMerge ObjectNode additionalFields);

  @Subtool(title = "Get Note", description = "Fetch a single note by id.")
  @GET("/notes/{note_id}")
  @Shape(item = "/data", itemSchema = Shapes.NOTE_SCHEMA, fields = {"body",
      "conversation", "customer", "createdBy", "createdAt"})
  Response getNote(@Path @Arg("The note's id.") String noteId);

  @Subtool(title = "List Customer Notes", description = "List notes attached to a customer.")
  @GET("/customers/{customer_id}/notes")
  @Shape(items = "/data", itemSchema = Shapes.NOTE_SCHEMA, fields = {"body",
      "conversation", "createdBy", "createdAt"})
  @Paged(page = "page", size = "page_size", defaultSize = 100, more = "/links/next")
  Response listCustomerNotes(
      @Path @Arg("The customer's id.") String customerId,
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  @Subtool(title = "Delete Note", description = "Delete a note by id. Irreversible.")
  @DELETE("/notes/{note_id}")
  Response deleteNote(@Path @Arg("The note's id.") String noteId);
}
