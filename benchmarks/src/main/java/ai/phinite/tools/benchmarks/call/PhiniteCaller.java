package ai.phinite.tools.benchmarks.call;

import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.Unthrottled;
import ai.phinite.tools.kustomer.KustomerTool;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.ToolRuntime;
import ai.phinite.tools.runtime.Transport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The phinite way: the Kustomer tool from the catalog, a connection to the local server, and
 * {@code invoke(subtool, JSON arguments)} (schema validation, generated dispatch and client, the
 * runtime's sending policy and JDK transport). The tool's declared rate limit (250 per minute) is
 * lifted ({@link Unthrottled}); its bookkeeping still runs on every call. {@code typed} calls the generated Java client
 * directly instead, with the argument values read from the JSON without validation.
 */
final class PhiniteCaller implements Caller {
  private final Connection connection;
  private final ToolRuntime runtime;
  private final KustomerTool typed;
  private final boolean useTyped;

  PhiniteCaller(String baseUrl, boolean useTyped) {
    this(baseUrl, useTyped, false);
  }

  PhiniteCaller(String baseUrl, boolean useTyped, boolean okHttp) {
    this(baseUrl, useTyped, okHttp
        ? new OkHttpTransport(Duration.ofSeconds(10), Duration.ofSeconds(30), 8L * 1024 * 1024) : null);
  }

  PhiniteCaller(String baseUrl, boolean useTyped, Transport transport) {
    ToolProvider<?> kustomer = ToolCatalog.load().require("kustomer");
    Connection.Builder builder = kustomer.connection()
        .credential("api_token", Fixtures.TOKEN)
        .baseUrl("api", baseUrl);
    Unthrottled.lift(kustomer.descriptor(), builder);
    this.runtime = transport != null ? ToolRuntime.builder().transport(transport).build()
        : ToolRuntime.builder().build();
    builder.runtime(runtime);
    this.connection = builder.build();
    this.typed = connection.client(KustomerTool.class);
    this.useTyped = useTyped;
  }

  @Override
  public JsonNode getCustomer(JsonNode args) {
    if (useTyped) {
      return typed.getCustomer(args.path("customer_id").asText()).body();
    }
    return connection.invoke("get_customer", args).body();
  }

  @Override
  public JsonNode createCustomer(JsonNode args) {
    if (useTyped) {
      JsonNode name = args.get("name");
      return typed.createCustomer(name == null ? null : name.asText(),
          (ObjectNode) args.get("additional_fields")).body();
    }
    return connection.invoke("create_customer", args).body();
  }

  @Override
  public void close() {
    connection.close();
    runtime.close();
  }
}
