package ai.phinite.tools.examples;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyConstant;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Header;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.PATCH;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.ServerVariant;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.NotFoundException;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.UnusableResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * An example tool for a fictional help-desk API that uses every binding the annotations offer:
 * path placeholders (whole and inside a segment), query values and lists, headers, whole bodies,
 * body fields (nested), body merges, body constants, records, two servers with different
 * authentication, server variants chosen by credentials, and a multi-step subtool.
 */
@Tool(
    id = "helpdesk",
    name = "Helpdesk (example)",
    toolClass = "HelpdeskTool",
    description = "Manage tickets, contacts and attachments of the example help desk.",
    docsUrl = "https://docs.helpdesk.example/")
@Credential(key = "api_key", label = "API Key", description = "The API key of a help-desk agent.",
    secret = true)
@Credential(key = "files_key", label = "Files Key",
    description = "The key of the attachment store.", secret = true)
@Credential(key = "workspace", label = "Workspace", required = false,
    description = "Your workspace's subdomain; routes requests to the workspace's own host.")
@Credential(key = "region", label = "Region", required = false, allowed = {"us", "eu"},
    defaultValue = "us", description = "Where the workspace's data lives.")
@Server(id = "api", url = "https://api.helpdesk.example/v2",
    variants = {
        @ServerVariant(credential = "workspace", url = "https://{workspace}.helpdesk.example/v2"),
        @ServerVariant(credential = "region", equals = "eu", url = "https://eu.api.helpdesk.example/v2")
    },
    auth = @Auth(bearer = "api_key"))
@Server(id = "files", url = "https://files.helpdesk.example",
    auth = @Auth(apiKeyHeader = "X-Files-Key", apiKey = "files_key"))
public interface HelpdeskTool {

  /** A ticket's urgency. */
  enum Status { open, pending, closed }

  /** Identifies a contact by exactly one of its identifiers. */
  record ContactRef(
      @Arg(value = "The contact's id.", required = false) String id,
      @Arg(value = "The contact's email address.", required = false, format = "email") String email) {}

  @Subtool(title = "Get Ticket", description = "Fetch one ticket by its id.")
  @GET(value = "/tickets/{ticket_id}", server = "api")
  Response getTicket(@Path @Arg("The ticket's id.") String ticketId);

  @Subtool(title = "Find Contact By Email", description = "Fetch the contact with this email address.")
  @GET(value = "/contacts/email={email}", server = "api")
  Response findContactByEmail(@Path @Arg(value = "The contact's email address.", format = "email") String email);

  @Subtool(title = "List Tickets", description = "List tickets, newest first, with optional filters.")
  @GET(value = "/tickets", server = "api")
  Response listTickets(
      @Query @Arg(value = "The page to fetch, from 1.", required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = "Tickets per page.", required = false, min = 1, max = 100, defaultValue = "25") Integer pageSize,
      @Query @Arg(value = "Only tickets with this status.", required = false) Status status,
      @Query("tag") @Arg(value = "Only tickets with all these tags.", required = false, maxItems = 10) List<String> tags);

  @Subtool(title = "Create Ticket", description = "Open a ticket for a requester.")
  @POST(value = "/tickets", server = "api")
  Response createTicket(
      @BodyField @Arg(value = "A one-line summary.", minLength = 1, maxLength = 200) String subject,
      @BodyField("requester.email") @Arg(value = "The requester's email address.", format = "email") String requesterEmail,
      @BodyField @Arg(value = "Priority from 1 (low) to 4 (urgent).", required = false, min = 1, max = 4, defaultValue = "2") Integer priority,
      @BodyMerge @Arg(value = "More ticket fields, merged into the body (explicit nulls are sent).", required = false) Map<String, Object> additionalFields,
      @Header("Idempotency-Key") @Arg(value = "A key that makes retries safe.", required = false, maxLength = 64) String idempotencyKey);

  @Subtool(title = "Update Ticket", description = "Change a ticket. Provide only the fields to change.")
  @PATCH(value = "/tickets/{ticket_id}", server = "api")
  Response updateTicket(
      @Path @Arg("The ticket's id.") String ticketId,
      @Body @Arg(value = "The fields to change; a null clears a field.", minProperties = 1) ObjectNode updateFields);

  @Subtool(title = "Close Ticket", description = "Mark a ticket as closed.", idempotent = Hint.TRUE)
  @PUT(value = "/tickets/{ticket_id}/status", server = "api")
  @BodyConstant(field = "status", value = "closed")
  @BodyConstant(field = "notify", json = "false")
  Response closeTicket(@Path @Arg("The ticket's id.") String ticketId);

  @Subtool(title = "Delete Ticket", description = "Delete a ticket. Irreversible.")
  @DELETE(value = "/tickets/{ticket_id}", server = "api")
  Response deleteTicket(@Path @Arg("The ticket's id.") String ticketId);

  @Subtool(title = "Search Tickets", description = "Search tickets with a query object.",
      readOnly = Hint.TRUE)
  @POST(value = "/tickets/search", server = "api")
  Response searchTickets(@Body @Arg("The query, e.g. {\"text\": \"refund\"}.") JsonNode query);

  @Subtool(title = "Tag Contacts", description = "Add a tag to up to 100 contacts.")
  @POST(value = "/contacts/tags/{tag}", server = "api")
  Response tagContacts(
      @Path @Arg("The tag to add.") String tag,
      @BodyField @Arg(value = "The contacts to tag.", minItems = 1, maxItems = 100) List<ContactRef> contacts);

  @Subtool(title = "Add Ticket Note",
      description = "Add an internal note to a contact's newest ticket, or to the given ticket.",
      destructive = Hint.FALSE)
  default Response addTicketNote(
      @Arg(value = "The contact the note is about.", minLength = 1) String contactId,
      @Arg(value = "The note text.", minLength = 1, maxLength = 5000) String text,
      @Arg(value = "The ticket to add the note to; defaults to the contact's newest ticket.", required = false, minLength = 1) String ticketId) {
    String ticket = ticketId;
    if (ticket == null) {
      JsonNode newest = newestTickets(contactId).path("data").path(0);
      if (newest.isMissingNode()) {
        throw new NotFoundException("Contact " + contactId + " has no ticket; create one with"
            + " create_ticket or pass ticket_id");
      }
      JsonNode id = newest.path("id");
      if (!id.isTextual() || id.textValue().isBlank()) { // a null, empty or non-string id
        throw new UnusableResponseException("add_ticket_note",
            "the contact's newest ticket came back without a usable id; pass ticket_id");
      }
      ticket = id.textValue();
    }
    return postNote(ticket, text);
  }

  /** The contact's newest ticket (an operation the agent does not see). */
  @GET(value = "/contacts/{contact_id}/tickets?limit=1&sort=-created", server = "api")
  JsonNode newestTickets(@Path String contactId);

  /** Posts a note on a ticket. */
  @POST(value = "/tickets/{ticket_id}/notes", server = "api")
  Response postNote(@Path String ticketId, @BodyField("body") String text);

  @Subtool(title = "Upload Attachment", description = "Store a small text attachment and get its URL.")
  @POST(value = "/attachments", server = "files")
  Response uploadAttachment(
      @Query("filename") @Arg(value = "The file name, with extension.", pattern = "^[^/\\\\]+\\.[A-Za-z0-9]+$") String fileName,
      @BodyField @Arg(value = "The text content.", maxBytes = 65536) String content);

  @Subtool(title = "Who Am I", description = "Get the agent the API key belongs to.")
  @ConnectionTest("Help-desk API key (api_key)")
  @GET(value = "/me", server = "api")
  Response whoAmI();

  /** Checks the attachment store's key. */
  @ConnectionTest
  @GET(value = "/ping", server = "files")
  Response pingFiles();
}
