package ai.phinite.tools.runtime.hosted;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.SampleProvider;
import ai.phinite.tools.runtime.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;

/** What the hosted-runtime tests share: the sample tool's connection to one server, and a call. */
final class Hosted {
  private Hosted() {}

  /** A connection of the sample tool to {@code baseUrl}, with its usual secret token. */
  static Connection.Builder sample(String baseUrl) {
    return new SampleProvider().connection().credential("token", "t0k3n-secret")
        .baseUrl("api", baseUrl);
  }

  /** The arguments of {@code get_item}. */
  static JsonNode args() throws JsonProcessingException {
    return Json.MAPPER.readTree("{\"item_id\":\"a\"}");
  }
}
