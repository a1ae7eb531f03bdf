package ai.phinite.tools.examples;

import ai.phinite.tools.annotations.Arg;
import ai.phinite.tools.annotations.Auth;
import ai.phinite.tools.annotations.BodyConstant;
import ai.phinite.tools.annotations.BodyField;
import ai.phinite.tools.annotations.BodyMerge;
import ai.phinite.tools.annotations.ConstantHeader;
import ai.phinite.tools.annotations.Credential;
import ai.phinite.tools.annotations.FormUrlEncoded;
import ai.phinite.tools.annotations.POST;
import ai.phinite.tools.annotations.Path;
import ai.phinite.tools.annotations.Server;
import ai.phinite.tools.annotations.Subtool;
import ai.phinite.tools.annotations.Tool;
import ai.phinite.tools.runtime.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An example payments tool in the style of Stripe and Twilio: form-urlencoded bodies with nested
 * objects in brackets, arrays indexed or repeated, a map of metadata, and an explicit null sent as
 * an empty value to clear a field.
 */
@Tool(
    id = "payments",
    name = "Payments (example)",
    toolClass = "PaymentsTool",
    description = "Create and update customers and send messages through the example payments API.",
    docsUrl = "https://docs.payments.example/")
@Credential(key = "secret_key", label = "Secret Key", secret = true,
    description = "A secret API key, sk_live_... or sk_test_....")
@Server(id = "api", url = "https://api.payments.example/v1",
    headers = @ConstantHeader(name = "Payments-Version", value = "2024-06-20"),
    auth = @Auth(bearer = "secret_key"))
public interface PaymentsTool {

  /** A customer's address. */
  record Address(
      @Arg(value = "First line.", required = false) String line1,
      @Arg(value = "City.", required = false) String city) {}

  @Subtool(title = "Create Customer", description = "Create a customer.")
  @FormUrlEncoded
  @POST("/customers")
  Response createCustomer(
      @BodyField @Arg(value = "The customer's email address.", format = "email") String email,
      @BodyField @Arg(value = "Full name.", required = false) String name,
      @BodyField @Arg(value = "Postal address.", required = false) Address address,
      @BodyField("preferred_locales") @Arg(value = "Languages, most preferred first.", required = false) List<String> preferredLocales,
      @BodyField @Arg(value = "Key-value pairs stored with the customer.", required = false, maxProperties = 50) Map<String, String> metadata,
      @BodyField("invoice_settings.footer") @Arg(value = "Footer on invoices.", required = false) String invoiceFooter);

  @Subtool(title = "Update Customer",
      description = "Change a customer. Give only what changes; null clears a field.")
  @FormUrlEncoded
  @POST("/customers/{customer_id}")
  Response updateCustomer(
      @Path @Arg("The customer's id, cus_....") String customerId,
      @BodyField @Arg(value = "A description; null clears it.", required = false, nullable = true) Optional<String> description,
      @BodyMerge @Arg(value = "More fields to change, e.g. {\"name\": \"Ada\"}.", required = false) Map<String, Object> otherFields);

  @Subtool(title = "Send Message", description = "Send a text message and get status callbacks.")
  @FormUrlEncoded(arrays = FormUrlEncoded.ArrayStyle.REPEATED)
  @BodyConstant(field = "Channel", value = "sms")
  @POST("/messages")
  Response sendMessage(
      @BodyField("To") @Arg(value = "The recipient's number, E.164.", pattern = "^\\+[1-9][0-9]{6,14}$") String to,
      @BodyField("Body") @Arg(value = "The text.", maxLength = 1600) String body,
      @BodyField("StatusCallbackEvent") @Arg(value = "Events to be called back for.", required = false) List<String> statusCallbackEvents);
}
