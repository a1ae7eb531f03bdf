package com.acme.billing;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.BodyConstant;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Header;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Requires;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A second test tool, covering what HelpdeskTool does not: Basic authentication, a credential in
 * the host name, every number type, sets, typed maps, records inside records, enum lists, allowed
 * values, examples, a JSON object constant, and operations returning JSON or nothing.
 */
@Tool(id = "billing", name = "Billing (test)", toolClass = "BillingTool",
    description = "Create, list and void invoices of a fictional billing service.")
@Credential(key = "account", label = "Account", description = "The account's subdomain.",
    pattern = "^[a-z0-9-]+$")
@Credential(key = "user", label = "User", description = "The API user.")
@Credential(key = "password", label = "Password", description = "The API password.", secret = true)
@Server(id = "api", url = "https://{account}.billing.example/api",
    auth = @Auth(basicUsername = "user", basicPassword = "password"))
public interface InvoiceTool {

  /** How an invoice may be paid. */
  enum Method { card, transfer, cash }

  /** Where an invoice is in its life. */
  enum Status { DRAFT, OPEN, PAID, VOID }

  /** One billed item. */
  record Line(
      @Arg(value = "What was sold.", minLength = 1) String item,
      @Arg(value = "How many were sold.", min = 1, max = 1000) int quantity,
      @Arg("The price of one, in the invoice currency.") BigDecimal unitPrice,
      @Arg(value = "Tax rates in percent, by tax name.", required = false) Map<String, Double> taxes) {}

  /** The billed party. */
  record Party(
      @Arg("The party's legal name.") String name,
      @Arg(value = "Where invoices are sent.", format = "email") String email,
      @Arg(value = "The postal address, one line each.", required = false, maxItems = 4) List<String> address) {}

  @Subtool(title = "Create Invoice", description = "Create a draft invoice for a customer.")
  @POST("/invoices")
  @BodyConstant(field = "meta", json = "{\"source\":\"agent\",\"version\":2}")
  Response createInvoice(
      @BodyField @Arg("Who is billed.") Party customer,
      @BodyField @Arg(value = "What is billed.", minItems = 1) List<Line> lines,
      @BodyField("payment.methods") @Arg(value = "The accepted payment methods.", required = false) Set<Method> methods,
      @BodyField("due") @Arg(value = "When payment is due.", required = false, format = "unix-seconds") Long dueAt,
      @BodyField @Arg(value = "Whether to email the invoice now.", required = false, defaultValue = "false") Boolean send,
      @BodyField @Arg(value = "A note printed on the invoice.", required = false, maxLength = 500, examples = {"Thank you!"}) String note);

  @Subtool(title = "List Invoices", description = "List invoices, newest first.")
  @GET("/invoices?expand=lines")
  @Requires(arg = "min_total", anyOf = "currency") // a total means nothing without its currency
  Response listInvoices(
      @Query @Arg(value = "The page to fetch, from 1.", min = 1) long page,
      @Query @Arg(value = "Only invoices in this currency.", required = false, allowed = {"EUR", "USD"}, defaultValue = "EUR") String currency,
      @Query("min_total") @Arg(value = "Only invoices of at least this total.", required = false, min = 0) Double minTotal,
      @Query("status") @Arg(value = "Only invoices in these states.", required = false) List<Status> statuses,
      @Query @Arg(value = "Only invoices issued at or after this time.", required = false, format = "date-time") String since,
      @Header("X-Page-Size") @Arg(value = "Invoices per page.", required = false, min = 1, max = 200, defaultValue = "50") Integer pageSize);

  @Subtool(title = "Void Invoice", description = "Cancel an invoice that is not paid yet.",
      idempotent = Hint.TRUE, openWorld = Hint.FALSE)
  @POST("/invoices/{invoice_id}/void")
  Response voidInvoice(
      @Path("invoice_id") @Arg(value = "The invoice's id.", pattern = "^inv_[0-9]+$") String id,
      @BodyMerge @Arg(value = "More fields of the void request.", required = false, maxProperties = 5) ObjectNode extra);

  /** One invoice as JSON (an operation the agent does not see). */
  @GET("/invoices/{invoice_id}")
  JsonNode invoice(@Path("invoice_id") String id);

  /** Throws a draft away. */
  @DELETE("/drafts/{draft_id}")
  void discardDraft(@Path String draftId);

  /** Checks the account, user and password. */
  @ConnectionTest
  @GET("/account")
  Response account();
}
