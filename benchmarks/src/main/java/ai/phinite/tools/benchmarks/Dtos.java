package ai.phinite.tools.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The argument classes a user of Retrofit, Feign or hand-written java.net.http would write for the
 * same subtools, annotated for Jackson (names) and Jakarta Validation (limits). Their JSON Schemas
 * are generated from these classes by reflection (victools jsonschema-generator) once at setup, and
 * arguments are validated against them (networknt json-schema-validator) before binding.
 */
public final class Dtos {
  private Dtos() {}

  /** {@code get_customer}. */
  public record GetCustomerArgs(
      @JsonProperty(value = "customer_id", required = true) @NotEmpty String customerId) {}

  /** {@code create_customer}: additional fields are merged into the body beside the name. */
  public record CreateCustomerArgs(
      @JsonProperty("name") String name,
      @JsonProperty("additional_fields") Map<String, Object> additionalFields) {}

  /** {@code trigger_broadcast} (Customer.io): the large argument set. */
  public record TriggerBroadcastArgs(
      @JsonProperty(value = "broadcast_id", required = true) @Min(1) Integer broadcastId,
      @JsonProperty("data") Map<String, Object> data,
      @JsonProperty("recipients") Map<String, Object> recipients,
      @JsonProperty("ids") @Size(min = 1, max = 10000) List<String> ids,
      @JsonProperty("emails") @Size(min = 1, max = 10000) List<String> emails,
      @JsonProperty("per_user_data") @Size(min = 1, max = 10000) List<UserData> perUserData,
      @JsonProperty("data_file_url") @Pattern(regexp = "^https://") String dataFileUrl,
      @JsonProperty("id_ignore_missing") Boolean idIgnoreMissing,
      @JsonProperty("email_ignore_missing") Boolean emailIgnoreMissing,
      @JsonProperty("email_add_duplicates") Boolean emailAddDuplicates) {}

  /** One person of {@code per_user_data}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UserData(
      @JsonProperty("id") @Size(min = 1) String id,
      @JsonProperty("email") @Email String email,
      @JsonProperty("data") Map<String, Object> data) {}

  /** The body of {@code POST /campaigns/{broadcast_id}/triggers}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TriggerBroadcastBody(
      @JsonProperty("data") Map<String, Object> data,
      @JsonProperty("recipients") Map<String, Object> recipients,
      @JsonProperty("ids") List<String> ids,
      @JsonProperty("emails") List<String> emails,
      @JsonProperty("per_user_data") List<UserData> perUserData,
      @JsonProperty("data_file_url") String dataFileUrl,
      @JsonProperty("id_ignore_missing") Boolean idIgnoreMissing,
      @JsonProperty("email_ignore_missing") Boolean emailIgnoreMissing,
      @JsonProperty("email_add_duplicates") Boolean emailAddDuplicates) {

    /** The body of these arguments. */
    public static TriggerBroadcastBody of(TriggerBroadcastArgs a) {
      return new TriggerBroadcastBody(a.data(), a.recipients(), a.ids(), a.emails(), a.perUserData(),
          a.dataFileUrl(), a.idIgnoreMissing(), a.emailIgnoreMissing(), a.emailAddDuplicates());
    }
  }
}
