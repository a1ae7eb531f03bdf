package ai.phinite.tools.runtime;

import ai.phinite.tools.runtime.internal.Args;
import ai.phinite.tools.runtime.internal.HttpSupport;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A provider written by hand over fixtures/sample.json, standing in for generated code in runtime
 * tests (the tool modules test real generated providers).
 */
public final class SampleProvider extends ToolProvider<HttpSupport> {
  @Override
  public String id() {
    return "sample";
  }

  @Override
  protected String descriptorResource() {
    return "fixtures/sample.json";
  }

  @Override
  protected HttpSupport newClient(HttpSupport http) {
    return http;
  }

  @Override
  protected Response dispatch(HttpSupport http, String operation, JsonNode args) {
    switch (operation) {
      case "get_item":
        return http.send(http.request("get_item", "GET", "api")
            .path("/items/").pathParam("item_id", Args.string(args, "item_id", null))
            .query("pageSize", Args.integer(args, "page_size", 25)));
      case "create_item":
        return http.send(http.request("create_item", "POST", "api").path("/items")
            .field("name", Args.string(args, "name", null))
            .merge("additional_fields", Args.object(args, "additional_fields")));
      case "notify":
        return http.send(http.request("notify", "POST", "api").path("/notices")
            .field("person", Args.node(args, "person")).field("ids", Args.node(args, "ids")));
      default:
        throw new IllegalArgumentException(operation);
    }
  }
}
