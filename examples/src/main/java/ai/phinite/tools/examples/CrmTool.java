package ai.phinite.tools.examples;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.ConnectionTest;
import ai.phinite.tools.annotations.ConstantHeader;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.GET;
import ai.phinite.tools.annotations.Header;
import ai.phinite.tools.annotations.OAuth2;
import ai.phinite.tools.annotations.PATCH;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Query;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.Response;
import java.util.List;
import java.util.Optional;

/**
 * An example CRM tool in the style of HubSpot or Microsoft Graph: OAuth2 with the
 * client-credentials grant (the token URL names the tenant), constant version and {@code Accept}
 * headers at tool, server and subtool level, a PATCH that clears fields with explicit nulls (also
 * inside a record), and query lists sent repeated or comma-joined, from a {@code List} or an array.
 */
@Tool(
    id = "crm",
    name = "CRM (example)",
    toolClass = "CrmTool",
    description = "Find and update contacts of the example CRM.",
    docsUrl = "https://developers.crm.example/")
@Credential(key = "tenant", label = "Tenant", description = "Your tenant's id, e.g. acme.")
@Credential(key = "client_id", label = "Client ID", description = "The OAuth2 client id of your app.")
@Credential(key = "client_secret", label = "Client Secret", secret = true,
    description = "The OAuth2 client secret of your app.")
@ConstantHeader(name = "X-Api-Version", value = "2024-06-01")
@Server(id = "api", url = "https://api.crm.example/v3",
    headers = @ConstantHeader(name = "Accept", value = "application/vnd.crm+json"),
    auth = @Auth(oauth2 = @OAuth2(grant = OAuth2.Grant.CLIENT_CREDENTIALS,
        tokenUrl = "https://login.crm.example/{tenant}/oauth2/token",
        clientId = "client_id", clientSecret = "client_secret",
        scopes = {"contacts.read", "contacts.write"})))
public interface CrmTool {

  /** A postal address; a null component clears that line. */
  record Address(
      @Arg(value = "Street and number; null clears it.", required = false, nullable = true) Optional<String> street,
      @Arg(value = "City; null clears it.", required = false, nullable = true) Optional<String> city,
      @Arg(value = "Country code, e.g. DE.", required = false, minLength = 2, maxLength = 2) String country) {}

  @Subtool(title = "Search Contacts", description = "Find contacts by id, tag or property.")
  @GET("/contacts")
  Response searchContacts(
      @Query(value = "ids", style = Query.Style.COMMA) @Arg(value = "Only these contact ids.", required = false, maxItems = 50) String[] ids,
      @Query("tag") @Arg(value = "Only contacts with all these tags.", required = false) List<String> tags,
      @Query(value = "properties", style = Query.Style.COMMA) @Arg(value = "The properties to return.", required = false) List<String> properties);

  @Subtool(title = "Update Contact",
      description = "Change a contact. Give only what changes; null clears a field.")
  @PATCH("/contacts/{contact_id}")
  Response updateContact(
      @Path @Arg("The contact's id.") String contactId,
      @BodyField @Arg(value = "The contact's phone number; null removes it.", required = false, nullable = true, pattern = "^\\+?[0-9 ()-]{3,}$") Optional<String> phone,
      @BodyField("company.name") @Arg(value = "The company's name; null removes it.", required = false, nullable = true) Optional<String> companyName,
      @BodyField @Arg(value = "Lifecycle stage; null resets it.", required = false, nullable = true) Optional<Stage> stage,
      @BodyField @Arg(value = "The postal address; null removes it.", required = false, nullable = true) Optional<Address> address,
      @BodyField @Arg(value = "A note.", required = false) String note,
      @Header("If-Match") @Arg(value = "The contact's version, to refuse lost updates.", required = false) String ifMatch);

  @Subtool(title = "Export Contact", description = "Get a contact as a vCard.")
  @ConstantHeader(name = "Accept", value = "text/vcard")
  @GET("/contacts/{contact_id}/vcard")
  Response exportContact(@Path @Arg("The contact's id.") String contactId);

  @Subtool(title = "Who Am I", description = "Get the app the credentials belong to.")
  @ConnectionTest("OAuth2 client (client_id, client_secret)")
  @GET("/me")
  Response whoAmI();

  /** A contact's lifecycle stage. */
  enum Stage { lead, customer, churned }
}
