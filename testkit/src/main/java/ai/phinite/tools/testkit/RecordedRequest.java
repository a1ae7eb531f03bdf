package ai.phinite.tools.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the recording server received it, exactly: nothing is decoded or normalised.
 *
 * @param server the id of the tool's server it was sent to
 * @param method the HTTP method
 * @param path the path as received, still percent-encoded (including the server's base path)
 * @param query the query string as received, still percent-encoded, or {@code null} when the URL
 *     had none
 * @param headers every header, names in lower case, values in the order received
 * @param body the body bytes (empty when there was none)
 */
public record RecordedRequest(String server, String method, String path, String query,
    Map<String, List<String>> headers, byte[] body) {

  /** Copies the headers and the body, so a recorded request never changes. */
  public RecordedRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /** The path and, when there is one, {@code ?} and the query: the URL as received. */
  public String url() {
    return query == null ? path : path + "?" + query;
  }

  /** The first value of a header (the name is matched case-insensitively), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8 (empty when there was none). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedRequest r && server.equals(r.server) && method.equals(r.method)
        && path.equals(r.path) && java.util.Objects.equals(query, r.query)
        && headers.equals(r.headers) && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(server, method, path, query, headers, java.util.Arrays.hashCode(body));
  }

  /** {@code METHOD url (server)}: never the headers, which may hold secrets. */
  @Override
  public String toString() {
    return method + " " + url() + " (" + server + ")";
  }
}
