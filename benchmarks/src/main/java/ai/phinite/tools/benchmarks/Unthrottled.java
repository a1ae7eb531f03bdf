package ai.phinite.tools.benchmarks;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolDescriptor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns off the client-side rate limits a tool declares
 * ({@code Connection.Builder.withoutDeclaredRateLimits()}), so a benchmark loop measures the cost
 * of a call rather than the pacing the limit is there to impose (Kustomer declares 250 requests
 * per minute: 240 ms between calls).
 */
public final class Unthrottled {
  private Unthrottled() {}

  /** What was turned off, for the report. */
  public static List<String> lift(ToolDescriptor tool, Connection.Builder builder) {
    List<String> lifted = new ArrayList<>();
    for (JsonNode s : tool.json().path("servers")) {
      if (s.path("rateLimit").isObject()) {
        lifted.add("server " + s.path("id").asText() + " " + s.path("rateLimit"));
      }
    }
    for (ToolDescriptor.SubtoolSpec sub : tool.subtools().values()) {
      if (sub.json().path("policy").path("rateLimit").isObject()) {
        lifted.add("subtool " + sub.name() + " " + sub.json().path("policy").path("rateLimit"));
      }
    }
    builder.withoutDeclaredRateLimits();
    return lifted;
  }
}
