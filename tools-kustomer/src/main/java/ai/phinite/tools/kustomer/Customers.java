package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.DELETE;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.RateLimit;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Kustomer customers: subtools 1–8 of the product page. */
public interface Customers {

  @Subtool(title = "Create Customer",
      description = "Create a new customer. Use additional_fields for emails, phones, externalId,"
          + " custom attributes, etc.")
  @POST("/customers")
  Response createCustomer(
      @BodyField @Arg(value = "The customer's full name.", required = false) String name,
      @BodyMerge @Arg(value = ArgText.CUSTOMER_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Get Customer", description = "Fetch a single customer by its id.")
  @GET("/customers/{customer_id}")
  @Shape(item = "/data", itemSchema = Shapes.CUSTOMER_SCHEMA, fields = {"name", "firstName",
      "lastName", "emails", "phones", "externalId", "locale", "tags", "custom", "progressiveStatus",
      "conversationCounts", "preview", "signedUpAt", "lastActivityAt", "lastConversationAt",
      "createdAt", "updatedAt"})
  Response getCustomer(@Path @Arg("The customer's id.") String customerId);

  /** A 404 means no customer has this email address (a not-found error, not a failure). */
  @Subtool(title = "Get Customer By Email", description = "Fetch a customer by email address.")
  @GET("/customers/email={email}")
  @Shape(item = "/data", itemSchema = Shapes.CUSTOMER_SCHEMA, fields = {"name", "firstName",
      "lastName", "emails", "phones", "externalId", "locale", "tags", "custom", "progressiveStatus",
      "conversationCounts", "preview", "signedUpAt", "lastActivityAt", "lastConversationAt",
      "createdAt", "updatedAt"})
  Response getCustomerByEmail(
      @Path @Arg(value = "The customer's email address.", format = "email") String email);

  /**
   * A 404 means no customer has this phone number.
   *
   * <p>[I] That the {@code +} of an E.164 number must be sent as {@code %2B} is inferred, not
   * documented; the runtime encodes it so whatever the agent sends stays one literal value.
   */
  @Subtool(title = "Get Customer By Phone", description = "Fetch a customer by phone number.")
  @GET("/customers/phone={phone}")
  @Shape(item = "/data", itemSchema = Shapes.CUSTOMER_SCHEMA, fields = {"name", "firstName",
      "lastName", "emails", "phones", "externalId", "locale", "tags", "custom", "progressiveStatus",
      "conversationCounts", "preview", "signedUpAt", "lastActivityAt", "lastConversationAt",
      "createdAt", "updatedAt"})
  Response getCustomerByPhone(
      @Path @Arg(value = "The phone number as stored in Kustomer, e.g. +15551234567.") String phone);

  @Subtool(title = "List Customers", description = "List customers with pagination.")
  @GET("/customers")
  @Shape(items = "/data", itemSchema = Shapes.CUSTOMER_SCHEMA, fields = {"name",
      "emails", "phones", "externalId", "tags", "progressiveStatus", "lastActivityAt", "updatedAt"})
  @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
  Response listCustomers(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  /** PUT without {@code replace=true} merges, as a PATCH would. */
  @Subtool(title = "Update Customer",
      description = "Update a customer. Provide only fields to change via update_fields.")
  @PUT("/customers/{customer_id}")
  Response updateCustomer(
      @Path @Arg("The customer's id.") String customerId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);

  @Subtool(title = "Delete Customer", description = "Delete a customer by id. Irreversible.")
  @DELETE("/customers/{customer_id}")
  Response deleteCustomer(@Path @Arg("The customer's id.") String customerId);

  /**
   * A POST that only reads, so it is marked read-only (and, reading nothing twice differently,
   * idempotent). The body is Kustomer's JSON search criteria, sent as given.
   */
  @Subtool(title = "Search Customers",
      description = "Search customers using a KQL query body (and/or/sort across customer,"
          + " conversation, message and company data). The query is a JSON object of search"
          + " criteria (queryContext, and, or, not, sort).",
      readOnly = Hint.TRUE, idempotent = Hint.TRUE)
  @POST("/customers/search")
  @RateLimit(requests = 100, perSeconds = 60) // API keys may search 100 times a minute
  @Shape(items = "/data", itemSchema = Shapes.ANY_SCHEMA, fields = {"type", "name", "emails",
      "phones", "externalId", "status", "subject", "preview", "customer", "updatedAt"})
  @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
  Response searchCustomers(
      @Body @Arg("The search criteria, sent as the request body: queryContext (customer,"
          + " conversation, message, company, ...), and, or, not (lists of"
          + " {\"<attribute>\": {\"<operator>\": value}}), sort, fields, timeZone. Example:"
          + " {\"queryContext\": \"customer\", \"and\": [{\"customer_updated_at\": {\"gte\":"
          + " \"2024-01-01T00:00:00Z\"}}], \"sort\": [{\"customer_updated_at\": \"asc\"}]}.")
          ObjectNode query,
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_500, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE_LARGE) Integer pageSize);
}
