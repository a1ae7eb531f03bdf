package ai.phinite.tools.benchmarks.call;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One way of making the two Kustomer calls from JSON arguments: validate, build the request, send
 * it to the local server, parse the response body into a {@link JsonNode}.
 */
public interface Caller extends AutoCloseable {
  /** {@code get_customer}: {@code GET /customers/{customer_id}}. */
  JsonNode getCustomer(JsonNode args);

  /** {@code create_customer}: {@code POST /customers} with {name} ∪ additional_fields. */
  JsonNode createCustomer(JsonNode args);

  @Override
  void close();

  /** The variants, by the name JMH's {@code variant} parameter takes. */
  enum Variant {
    phinite("phinite runtime: Connection.invoke(subtool, JSON)"),
    phiniteOkHttp("phinite runtime: Connection.invoke, on an OkHttp transport (experiment)"),
    phiniteTyped("phinite generated client, typed Java call (no JSON validation)"),
    handWritten("hand-written java.net.http + Jackson, minimal checks"),
    handWrittenValidated("hand-written java.net.http + Jackson, reflection schema validation"),
    retrofit("Retrofit + converter-jackson (OkHttp), reflection schema validation"),
    feign("Feign + feign-jackson (feign-java11 client), reflection schema validation");

    public final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /** A caller of this variant against a server at {@code baseUrl} (ending in {@code /v1}). */
  static Caller create(Variant variant, String baseUrl) {
    return switch (variant) {
      case phinite -> new PhiniteCaller(baseUrl, false);
      case phiniteOkHttp -> new PhiniteCaller(baseUrl, false, true);
      case phiniteTyped -> new PhiniteCaller(baseUrl, true);
      case handWritten -> new HandWrittenCaller(baseUrl, false);
      case handWrittenValidated -> new HandWrittenCaller(baseUrl, true);
      case retrofit -> new RetrofitCaller(baseUrl);
      case feign -> new FeignCaller(baseUrl);
    };
  }
}
