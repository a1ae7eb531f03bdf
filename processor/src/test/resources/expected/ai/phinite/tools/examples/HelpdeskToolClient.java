package ai.phinite.tools.examples;

import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.internal.HttpSupport;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.internal.RequestBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The HTTP implementation of {@link HelpdeskTool}, generated from its annotations.
 * Obtain one with {@code connection.client(HelpdeskTool.class)}.
 */
@Generated("ai.phinite.tools.processor.ToolProcessor")
public final class HelpdeskToolClient implements HelpdeskTool {
  private static final JsonNode CONSTANT_0 = Json.parse("\"closed\"");

  private static final JsonNode CONSTANT_1 = Json.parse("false");

  private final HttpSupport http;

  HelpdeskToolClient(HttpSupport http) {
    this.http = http;
  }

  @Override
  public Response getTicket(String ticketId) {
    // @GET("/tickets/{ticket_id}") → subtool get_ticket
    RequestBuilder request = http.request("get_ticket", "GET", "api");
    request.path("/tickets/");
    request.pathParam("ticket_id", ticketId);
    return http.send(request);
  }

  @Override
  public Response findContactByEmail(String email) {
    // @GET("/contacts/email={email}") → subtool find_contact_by_email
    RequestBuilder request = http.request("find_contact_by_email", "GET", "api");
    request.path("/contacts/email=");
    request.pathParam("email", email);
    return http.send(request);
  }

  @Override
  public Response listTickets(Integer page, Integer pageSize, HelpdeskTool.Status status,
      List<String> tags) {
    // @GET("/tickets") → subtool list_tickets
    RequestBuilder request = http.request("list_tickets", "GET", "api");
    request.path("/tickets");
    request.query("page", page);
    request.query("pageSize", pageSize);
    request.query("status", status);
    request.query("tag", tags);
    return http.send(request);
  }

  @Override
  public Response createTicket(String subject, String requesterEmail, Integer priority,
      Map<String, Object> additionalFields, String idempotencyKey) {
    // @POST("/tickets") → subtool create_ticket
    RequestBuilder request = http.request("create_ticket", "POST", "api");
    request.path("/tickets");
    request.header("idempotency_key", "Idempotency-Key", idempotencyKey);
    request.field("subject", subject);
    request.field("requester.email", requesterEmail);
    request.field("priority", priority);
    request.merge("additional_fields", additionalFields);
    return http.send(request);
  }

  @Override
  public Response updateTicket(String ticketId, ObjectNode updateFields) {
    // @PATCH("/tickets/{ticket_id}") → subtool update_ticket
    RequestBuilder request = http.request("update_ticket", "PATCH", "api");
    request.path("/tickets/");
    request.pathParam("ticket_id", ticketId);
    request.body(updateFields);
    return http.send(request);
  }

  @Override
  public Response closeTicket(String ticketId) {
    // @PUT("/tickets/{ticket_id}/status") → subtool close_ticket
    RequestBuilder request = http.request("close_ticket", "PUT", "api");
    request.path("/tickets/");
    request.pathParam("ticket_id", ticketId);
    request.path("/status");
    request.constant("status", CONSTANT_0);
    request.constant("notify", CONSTANT_1);
    return http.send(request);
  }

  @Override
  public Response deleteTicket(String ticketId) {
    // @DELETE("/tickets/{ticket_id}") → subtool delete_ticket
    RequestBuilder request = http.request("delete_ticket", "DELETE", "api");
    request.path("/tickets/");
    request.pathParam("ticket_id", ticketId);
    return http.send(request);
  }

  @Override
  public Response searchTickets(JsonNode query) {
    // @POST("/tickets/search") → subtool search_tickets
    RequestBuilder request = http.request("search_tickets", "POST", "api");
    request.path("/tickets/search");
    request.body(query);
    return http.send(request);
  }

  @Override
  public Response tagContacts(String tag, List<HelpdeskTool.ContactRef> contacts) {
    // @POST("/contacts/tags/{tag}") → subtool tag_contacts
    RequestBuilder request = http.request("tag_contacts", "POST", "api");
    request.path("/contacts/tags/");
    request.pathParam("tag", tag);
    request.field("contacts", contacts == null ? null : Json.list(contacts, e0 -> jsonHelpdeskTool_ContactRef(e0)));
    return http.send(request);
  }

  @Override
  public JsonNode newestTickets(String contactId) {
    // @GET("/contacts/{contact_id}/tickets?limit=1&sort=-created")
    RequestBuilder request = http.request("newest_tickets", "GET", "api");
    request.path("/contacts/");
    request.pathParam("contact_id", contactId);
    request.path("/tickets");
    request.rawQuery("limit=1&sort=-created");
    return http.sendForBody(request);
  }

  @Override
  public Response postNote(String ticketId, String text) {
    // @POST("/tickets/{ticket_id}/notes")
    RequestBuilder request = http.request("post_note", "POST", "api");
    request.path("/tickets/");
    request.pathParam("ticket_id", ticketId);
    request.path("/notes");
    request.field("body", text);
    return http.send(request);
  }

  @Override
  public Response uploadAttachment(String fileName, String content) {
    // @POST("/attachments") → subtool upload_attachment
    RequestBuilder request = http.request("upload_attachment", "POST", "files");
    request.path("/attachments");
    request.query("filename", fileName);
    request.field("content", content);
    return http.send(request);
  }

  @Override
  public Response whoAmI() {
    // @GET("/me") → subtool who_am_i
    RequestBuilder request = http.request("who_am_i", "GET", "api");
    request.path("/me");
    return http.send(request);
  }

  @Override
  public Response pingFiles() {
    // @GET("/ping")
    RequestBuilder request = http.request("ping_files", "GET", "files");
    request.path("/ping");
    return http.send(request);
  }

  private static ObjectNode jsonHelpdeskTool_ContactRef(HelpdeskTool.ContactRef value) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    if (value.id() != null) {
      json.set("id", Json.node(value.id()));
    }
    if (value.email() != null) {
      json.set("email", Json.node(value.email()));
    }
    return json;
  }
}
