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
 * @param body the JSON body, or {@code null} when the request has none; for a form body
 *     ({@code Content-Type: application/x-www-form-urlencoded}) a text node holding the encoded
 *     form. {@link #bodyBytes()} gives what goes on the wire either way.
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

  /** Form fields whose values are secrets in an OAuth2 token request; masked when shown. */
  private static final java.util.Set<String> SECRET_FORM_FIELDS =
      java.util.Set.of("client_secret", "refresh_token", "access_token", "client_assertion",
          "password", "code", "code_verifier");

  /** Whether the body is a form (sent as its text) rather than JSON. */
  public boolean isForm() {
    Header type = header("Content-Type");
    return body != null && body.isTextual() && type != null
        && type.value().startsWith("application/x-www-form-urlencoded");
  }

  /** The body's bytes as sent: the form text, or UTF-8 JSON; {@code null} without a body. */
  public byte[] bodyBytes() {
    if (body == null) {
      return null;
    }
    if (isForm()) {
      return body.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return ai.phinite.tools.runtime.internal.Json.bytes(body);
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
    if (isForm()) {
      json.put("body", maskedForm(body.asText()));
    } else {
      json.set("body", body == null ? JsonNodeFactory.instance.nullNode() : body);
    }
    return json;
  }

  /** A form with the values of OAuth2 secret fields replaced by the mask. */
  private static String maskedForm(String form) {
    StringBuilder out = new StringBuilder(form.length());
    for (String pair : form.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      out.append(eq >= 0 && SECRET_FORM_FIELDS.contains(name) ? name + "=" + MASK : pair);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
