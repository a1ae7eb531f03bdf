package ai.phinite.tools.examples;

import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.internal.Args;
import ai.phinite.tools.runtime.internal.HttpSupport;
import com.fasterxml.jackson.databind.JsonNode;
import javax.annotation.processing.Generated;

/**
 * The registry entry of {@link HelpdeskTool} (tool {@code helpdesk}), found by {@code ToolCatalog}.
 */
@Generated("ai.phinite.tools.processor.ToolProcessor")
public final class HelpdeskToolProvider extends ToolProvider<HelpdeskTool> {
  /**
   * Called by ServiceLoader.
   */
  public HelpdeskToolProvider() {
  }

  @Override
  public String id() {
    return "helpdesk";
  }

  @Override
  protected String descriptorResource() {
    return "META-INF/phinite/tools/helpdesk.json";
  }

  @Override
  protected HelpdeskTool newClient(HttpSupport http) {
    return new HelpdeskToolClient(http);
  }

  @Override
  protected Response dispatch(HelpdeskTool client, String operation, JsonNode args) {
    switch (operation) {
      case "get_ticket":
        return client.getTicket(Args.string(args, "ticket_id", null));
      case "find_contact_by_email":
        return client.findContactByEmail(Args.string(args, "email", null));
      case "list_tickets":
        return client.listTickets(Args.integer(args, "page", null),
                Args.integer(args, "page_size", 25),
                args.hasNonNull("status") ? HelpdeskTool.Status.valueOf(args.get("status").asText()) : null,
                Args.list(args, "tags", Args::asString));
      case "create_ticket":
        return client.createTicket(Args.string(args, "subject", null),
                Args.string(args, "requester_email", null),
                Args.integer(args, "priority", 2),
                Args.map(args, "additional_fields", Args::asJava),
                Args.string(args, "idempotency_key", null));
      case "update_ticket":
        return client.updateTicket(Args.string(args, "ticket_id", null),
                Args.object(args, "update_fields"));
      case "close_ticket":
        return client.closeTicket(Args.string(args, "ticket_id", null));
      case "delete_ticket":
        return client.deleteTicket(Args.string(args, "ticket_id", null));
      case "search_tickets":
        return client.searchTickets(Args.node(args, "query"));
      case "tag_contacts":
        return client.tagContacts(Args.string(args, "tag", null),
                Args.list(args, "contacts", HelpdeskToolProvider::readHelpdeskTool_ContactRef));
      case "add_ticket_note":
        return client.addTicketNote(Args.string(args, "contact_id", null),
                Args.string(args, "text", null),
                Args.string(args, "ticket_id", null));
      case "upload_attachment":
        return client.uploadAttachment(Args.string(args, "file_name", null),
                Args.string(args, "content", null));
      case "who_am_i":
        return client.whoAmI();
      case "ping_files":
        return client.pingFiles();
      default:
        throw unknown(operation);
    }
  }

  private static IllegalArgumentException unknown(String operation) {
    return new IllegalArgumentException("Tool helpdesk has no operation '" + operation + "'");
  }

  static HelpdeskTool.ContactRef readHelpdeskTool_ContactRef(JsonNode node) {
    return new HelpdeskTool.ContactRef(Args.string(node, "id", null),
            Args.string(node, "email", null));
  }
}
