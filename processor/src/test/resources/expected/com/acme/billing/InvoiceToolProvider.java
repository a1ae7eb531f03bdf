package com.acme.billing;

import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.internal.Args;
import ai.phinite.tools.runtime.internal.HttpSupport;
import com.fasterxml.jackson.databind.JsonNode;
import javax.annotation.processing.Generated;

/**
 * The registry entry of {@link InvoiceTool} (tool {@code billing}), found by {@code ToolCatalog}.
 */
@Generated("ai.phinite.tools.processor.ToolProcessor")
public final class InvoiceToolProvider extends ToolProvider<InvoiceTool> {
  /**
   * Called by ServiceLoader.
   */
  public InvoiceToolProvider() {
  }

  @Override
  public String id() {
    return "billing";
  }

  @Override
  protected String descriptorResource() {
    return "META-INF/phinite/tools/billing.json";
  }

  @Override
  protected InvoiceTool newClient(HttpSupport http) {
    return new InvoiceToolClient(http);
  }

  @Override
  protected Response dispatch(InvoiceTool client, String operation, JsonNode args) {
    switch (operation) {
      case "create_invoice":
        return client.createInvoice(args.hasNonNull("customer") ? readInvoiceTool_Party(args.get("customer")) : null,
                Args.list(args, "lines", InvoiceToolProvider::readInvoiceTool_Line),
                Args.set(args, "methods", e1 -> InvoiceTool.Method.valueOf(e1.asText())),
                Args.longValue(args, "due_at", null),
                Args.bool(args, "send", false),
                Args.string(args, "note", null));
      case "list_invoices":
        return client.listInvoices(Args.longValue(args, "page", null),
                Args.string(args, "currency", "EUR"),
                Args.number(args, "min_total", null),
                Args.list(args, "statuses", e2 -> InvoiceTool.Status.valueOf(e2.asText())),
                Args.string(args, "since", null),
                Args.integer(args, "page_size", 50));
      case "void_invoice":
        return client.voidInvoice(Args.string(args, "id", null),
                Args.object(args, "extra"));
      case "account":
        return client.account();
      default:
        throw unknown(operation);
    }
  }

  private static IllegalArgumentException unknown(String operation) {
    return new IllegalArgumentException("Tool billing has no operation '" + operation + "'");
  }

  static InvoiceTool.Party readInvoiceTool_Party(JsonNode node) {
    return new InvoiceTool.Party(Args.string(node, "name", null),
            Args.string(node, "email", null),
            Args.list(node, "address", Args::asString));
  }

  static InvoiceTool.Line readInvoiceTool_Line(JsonNode node) {
    return new InvoiceTool.Line(Args.string(node, "item", null),
            Args.integer(node, "quantity", null),
            Args.decimal(node, "unit_price", null),
            Args.map(node, "taxes", Args::asDouble));
  }
}
