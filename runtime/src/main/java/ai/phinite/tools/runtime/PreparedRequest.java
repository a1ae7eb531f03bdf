package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An HTTP request exactly as it goes on the wire, built before anything is sent. Secret header
 * values (authentication) are kept apart and shown as {@code ***} by {@link #toJson()} and
 * {@link #toString()}.
 *
 * @param operation the subtool or operation it belongs to
 * @param server the id of the server it goes to
 * @param method the HTTP method
 * @param url the full URL, percent-encoded
 * @param headers the headers in the order they are sent
 * @param body the JSON body, or {@code null} when the request has none
 */
public record PreparedRequest(
    String operation, String server, String method, String url, List<Header> headers, JsonNode body) {

  /** Mask shown in place of a secret header value. */
  public static final String MASK = "***";

  public PreparedRequest {
    headers = List.copyOf(headers);
  }

  /**
   * One request header.
   *
   * @param name the header name
   * @param value the value
   * @param secret whether the value must never be shown
   */
  public record Header(String name, String value, boolean secret) {
    /** The value as it may be shown: {@code ***} for a secret. */
    public String shown() {
      return secret ? MASK : value;
    }

    @Override
    public String toString() {
      return name + ": " + shown();
    }
  }

  /** The first header of that name (case-insensitive), or {@code null}. */
  public Header header(String name) {
    for (Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return h;
      }
    }
    return null;
  }

  /** {@code {"method","url","headers","body"}} with secret header values masked. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("method", method);
    json.put("url", url);
    ObjectNode h = json.putObject("headers");
    for (Header header : headers) {
      h.put(header.name(), header.shown());
    }
    json.set("body", body == null ? JsonNodeFactory.instance.nullNode() : body);
    return json;
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
