package ai.phinite.tools.benchmarks.call;

import ai.phinite.tools.benchmarks.Dtos.CreateCustomerArgs;
import ai.phinite.tools.benchmarks.Dtos.GetCustomerArgs;
import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.ReflectionSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same two calls through a Feign interface (Jackson encoder/decoder, the feign-java11 client on
 * an HTTP/1.1 java.net.http client, so the transport is the same as the runtime's), with the
 * arguments validated against reflection-generated schemas and bound to argument classes first.
 * Headers come from a request interceptor; {@code decodeSlash = false} keeps an encoded {@code /}
 * in the id encoded.
 */
final class FeignCaller implements Caller {
  /** The Feign interface of the two endpoints. */
  interface KustomerApi {
    @RequestLine(value = "GET /customers/{customer_id}", decodeSlash = false)
    JsonNode getCustomer(@Param("customer_id") String customerId);

    @RequestLine("POST /customers")
    @Headers("Content-Type: application/json")
    JsonNode createCustomer(Map<String, Object> body);
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final KustomerApi api;
  private final ReflectionSchemas<GetCustomerArgs> getSchema = ReflectionSchemas.of(GetCustomerArgs.class, mapper);
  private final ReflectionSchemas<CreateCustomerArgs> createSchema = ReflectionSchemas.of(CreateCustomerArgs.class, mapper);

  FeignCaller(String baseUrl) {
    String authorization = "Bearer " + Fixtures.TOKEN;
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.api = Feign.builder()
        .client(new Http2Client(client))
        .encoder(new JacksonEncoder(mapper))
        .decoder(new JacksonDecoder(mapper))
        .options(new Request.Options(10, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false))
        .requestInterceptor(t -> t.header("Accept", "application/json")
            .header("User-Agent", Fixtures.USER_AGENT)
            .header("Authorization", authorization))
        .target(KustomerApi.class, baseUrl);
  }

  @Override
  public JsonNode getCustomer(JsonNode args) {
    GetCustomerArgs a = getSchema.bind(args);
    String id = a.customerId();
    if (id.equals(".") || id.equals("..")) { // Feign sends dot segments as they are
      throw new IllegalArgumentException("customer_id: must not be a dot segment");
    }
    return api.getCustomer(id);
  }

  @Override
  public JsonNode createCustomer(JsonNode args) {
    CreateCustomerArgs a = createSchema.bind(args);
    Map<String, Object> body = new LinkedHashMap<>();
    if (a.name() != null) {
      body.put("name", a.name());
    }
    if (a.additionalFields() != null) {
      if (a.additionalFields().containsKey("name")) {
        throw new IllegalArgumentException("additional_fields/name repeats the argument name");
      }
      body.putAll(a.additionalFields());
    }
    return api.createCustomer(body);
  }

  @Override
  public void close() {}
}
