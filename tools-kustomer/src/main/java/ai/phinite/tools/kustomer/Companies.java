package ai.phinite.tools.kustomer;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Body;
import ai.phinite.tools.annotations.BodyConstant;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Hint;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.PUT;
import ai.phinite.tools.annotations.Paged;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Shape;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Kustomer companies: subtools 27–31 of the product page. */
public interface Companies {

  @Subtool(title = "Create Company", description = "Create a company. Requires name.")
  @POST("/companies")
  Response createCompany(
      @BodyField @Arg(value = "The company's name.", minLength = 1) String name,
      @BodyMerge @Arg(value = ArgText.COMPANY_FIELDS, required = false) ObjectNode additionalFields);

  @Subtool(title = "Get Company", description = "Fetch a single company by id.")
  @GET("/companies/{company_id}")
  @Shape(item = "/data", itemSchema = Shapes.COMPANY_SCHEMA, fields = {"name",
      "externalId", "domains", "emails", "phones", "tags", "custom", "updatedAt"})
  Response getCompany(@Path @Arg("The company's id.") String companyId);

  /** [I] page and pageSize on this list follow Kustomer's general list convention. */
  @Subtool(title = "List Companies", description = "List companies with pagination.")
  @GET("/companies")
  @Shape(items = "/data", itemSchema = Shapes.COMPANY_SCHEMA, fields = {"name",
      "externalId", "domains", "tags", "updatedAt"})
  @Paged(page = "page", size = "page_size", more = "/links/next", total = "/meta/total")
  Response listCompanies(
      @Query("page") @Arg(value = ArgText.PAGE, required = false, min = 1) Integer page,
      @Query("pageSize") @Arg(value = ArgText.PAGE_SIZE_100, required = false, min = 1,
          max = ArgText.MAX_PAGE_SIZE) Integer pageSize);

  @Subtool(title = "Update Company",
      description = "Update a company. Provide only fields to change via update_fields.")
  @PUT("/companies/{company_id}")
  Response updateCompany(
      @Path @Arg("The company's id.") String companyId,
      @Body @Arg(value = ArgText.UPDATE_FIELDS, minProperties = 1) ObjectNode updateFields);

  /**
   * Kustomer has no DELETE for companies: "Deleting a company this way marks the company as
   * deleted. It does not use a separate DELETE endpoint." A soft delete, marked destructive as
   * the product page calls it irreversible.
   */
  @Subtool(title = "Delete Company",
      description = "Delete a company by id. Irreversible. Kustomer has no delete for companies:"
          + " this marks the company as deleted (a soft delete).",
      destructive = Hint.TRUE)
  @PUT("/companies/{company_id}")
  @BodyConstant(field = "deleted", json = "true")
  Response deleteCompany(@Path @Arg("The company's id.") String companyId);
}
