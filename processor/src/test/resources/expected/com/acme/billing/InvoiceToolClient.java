package com.acme.billing;

import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.internal.HttpSupport;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.internal.RequestBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The HTTP implementation of {@link InvoiceTool}, generated from its annotations.
 * Obtain one with {@code connection.client(InvoiceTool.class)}.
 */
@Generated("ai.phinite.tools.processor.ToolProcessor")
public final class InvoiceToolClient implements InvoiceTool {
  private static final JsonNode CONSTANT_0 = Json.parse("{\"source\":\"agent\",\"version\":2}");

  private final HttpSupport http;

  InvoiceToolClient(HttpSupport http) {
    this.http = http;
  }

  @Override
  public Response createInvoice(InvoiceTool.Party customer, List<InvoiceTool.Line> lines,
      Set<InvoiceTool.Method> methods, Long dueAt, Boolean send, String note) {
    // @POST("/invoices") → subtool create_invoice
    RequestBuilder request = http.request("create_invoice", "POST", "api");
    request.path("/invoices");
    request.constant("meta", CONSTANT_0);
    request.field("customer", customer == null ? null : jsonInvoiceTool_Party(customer));
    request.field("lines", lines == null ? null : Json.list(lines, e0 -> jsonInvoiceTool_Line(e0)));
    request.field("payment.methods", methods);
    request.field("due", dueAt);
    request.field("send", send);
    request.field("note", note);
    return http.send(request);
  }

  @Override
  public Response listInvoices(long page, String currency, Double minTotal,
      List<InvoiceTool.Status> statuses, String since, Integer pageSize) {
    // @GET("/invoices?expand=lines") → subtool list_invoices
    RequestBuilder request = http.request("list_invoices", "GET", "api");
    request.path("/invoices");
    request.rawQuery("expand=lines");
    request.query("page", page);
    request.query("currency", currency);
    request.query("min_total", minTotal);
    request.query("status", statuses);
    request.query("since", since);
    request.header("page_size", "X-Page-Size", pageSize);
    return http.send(request);
  }

  @Override
  public Response voidInvoice(String id, ObjectNode extra) {
    // @POST("/invoices/{invoice_id}/void") → subtool void_invoice
    RequestBuilder request = http.request("void_invoice", "POST", "api");
    request.path("/invoices/");
    request.pathParam("id", id);
    request.path("/void");
    request.merge("extra", extra);
    return http.send(request);
  }

  @Override
  public JsonNode invoice(String id) {
    // @GET("/invoices/{invoice_id}")
    RequestBuilder request = http.request("invoice", "GET", "api");
    request.path("/invoices/");
    request.pathParam("id", id);
    return http.sendForBody(request);
  }

  @Override
  public void discardDraft(String draftId) {
    // @DELETE("/drafts/{draft_id}")
    RequestBuilder request = http.request("discard_draft", "DELETE", "api");
    request.path("/drafts/");
    request.pathParam("draft_id", draftId);
    http.send(request);
  }

  @Override
  public Response account() {
    // @GET("/account")
    RequestBuilder request = http.request("account", "GET", "api");
    request.path("/account");
    return http.send(request);
  }

  private static ObjectNode jsonInvoiceTool_Party(InvoiceTool.Party value) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    if (value.name() != null) {
      json.set("name", Json.node(value.name()));
    }
    if (value.email() != null) {
      json.set("email", Json.node(value.email()));
    }
    if (value.address() != null) {
      json.set("address", Json.node(value.address()));
    }
    return json;
  }

  private static ObjectNode jsonInvoiceTool_Line(InvoiceTool.Line value) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    if (value.item() != null) {
      json.set("item", Json.node(value.item()));
    }
    json.set("quantity", Json.node(value.quantity()));
    if (value.unitPrice() != null) {
      json.set("unit_price", Json.node(value.unitPrice()));
    }
    if (value.taxes() != null) {
      json.set("taxes", Json.node(value.taxes()));
    }
    return json;
  }
}
