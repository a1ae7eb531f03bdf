package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a subtool call returned.
 *
 * @param status the HTTP status of the (last) response
 * @param headers the response headers, names in lower case
 * @param body the body: parsed JSON when it is JSON, a text node otherwise, a {@code null} node when
 *     the body was empty
 */
public record Response(int status, Map<String, List<String>> headers, JsonNode body) {
  public Response {
    headers = Map.copyOf(headers);
  }

  /** A response made of a body alone (for operations that return only a body). */
  public static Response ofBody(JsonNode body) {
    return new Response(200, Map.of(),
        body == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body);
  }

  /** The first value of a header, or {@code null}; the name is matched case-insensitively. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
