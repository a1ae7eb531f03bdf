package ai.phinite.tools.benchmarks.call;

import ai.phinite.tools.benchmarks.Dtos.CreateCustomerArgs;
import ai.phinite.tools.benchmarks.Dtos.GetCustomerArgs;
import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.ReflectionSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * The same two calls through a Retrofit interface (Jackson converter, OkHttp), with the arguments
 * validated against reflection-generated schemas and bound to argument classes first. Headers
 * (Accept, User-Agent, Authorization) are added by an OkHttp interceptor, as Retrofit users do.
 */
final class RetrofitCaller implements Caller {
  /** The Retrofit interface of the two endpoints. */
  interface KustomerApi {
    @GET("customers/{customer_id}")
    Call<JsonNode> getCustomer(@Path("customer_id") String customerId);

    @POST("customers")
    Call<JsonNode> createCustomer(@Body Map<String, Object> body);
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final OkHttpClient http;
  private final KustomerApi api;
  private final ReflectionSchemas<GetCustomerArgs> getSchema = ReflectionSchemas.of(GetCustomerArgs.class, mapper);
  private final ReflectionSchemas<CreateCustomerArgs> createSchema = ReflectionSchemas.of(CreateCustomerArgs.class, mapper);

  RetrofitCaller(String baseUrl) {
    String authorization = "Bearer " + Fixtures.TOKEN;
    this.http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(30))
        .followRedirects(false)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("Accept", "application/json")
            .header("User-Agent", Fixtures.USER_AGENT)
            .header("Authorization", authorization)
            .build()))
        .build();
    this.api = new Retrofit.Builder()
        .baseUrl(baseUrl + "/")
        .client(http)
        .addConverterFactory(JacksonConverterFactory.create(mapper))
        .build()
        .create(KustomerApi.class);
  }

  @Override
  public JsonNode getCustomer(JsonNode args) {
    GetCustomerArgs a = getSchema.bind(args);
    return execute(api.getCustomer(a.customerId()));
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
    return execute(api.createCustomer(body));
  }

  private static JsonNode execute(Call<JsonNode> call) {
    Response<JsonNode> response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw new IllegalStateException("Request failed", e);
    }
    if (!response.isSuccessful()) {
      try (okhttp3.ResponseBody error = response.errorBody()) {
        throw new IllegalStateException("HTTP " + response.code() + ": "
            + (error == null ? "" : error.string()));
      } catch (IOException e) {
        throw new IllegalStateException("HTTP " + response.code(), e);
      }
    }
    return response.body();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
