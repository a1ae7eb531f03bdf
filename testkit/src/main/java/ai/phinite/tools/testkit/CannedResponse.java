package ai.phinite.tools.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response the recording server sends back: a status, headers and a body. Immutable; every
 * {@code with…} method returns a new response.
 *
 * <pre>{@code
 * CannedResponse.json("{\"data\": []}")
 * CannedResponse.status(429).withHeader("Retry-After", "1")
 * CannedResponse.status(404).withJson("{\"errors\": [{\"title\": \"Not Found\"}]}")
 * }</pre>
 *
 * @param status the HTTP status
 * @param headers the headers, in order (name, value)
 * @param body the body bytes; empty for none
 */
public record CannedResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

  /** Checks the status and copies the headers and the body. */
  public CannedResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("An HTTP status is from 100 to 599, not " + status);
    }
    headers = List.copyOf(headers);
    body = body.clone();
  }

  /** {@code 200} with this JSON body and {@code Content-Type: application/json}. */
  public static CannedResponse json(String json) {
    return status(200).withJson(json);
  }

  /** This status, no headers and no body. */
  public static CannedResponse status(int status) {
    return new CannedResponse(status, List.of(), new byte[0]);
  }

  /** The same response with a JSON body and {@code Content-Type: application/json}. */
  public CannedResponse withJson(String json) {
    return withHeader("Content-Type", "application/json").withBody(json);
  }

  /** The same response with this body (UTF-8), headers unchanged. */
  public CannedResponse withBody(String text) {
    return new CannedResponse(status, headers, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The same response with one more header. */
  public CannedResponse withHeader(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    more.add(Map.entry(name, value));
    return new CannedResponse(status, more, body);
  }

  /** The body bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CannedResponse r && status == r.status && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(status, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
  }
}
