package ai.phinite.tools.runtime.http;

import ai.phinite.tools.runtime.HttpStatusException;
import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of one connection, as generated clients see it: resolved base URLs, authentication
 * headers and the transport. Generated code creates a {@link RequestBuilder} per call with
 * {@link #request} and sends it with {@link #send}.
 */
public final class HttpSupport {
  /**
   * A server as resolved for this connection.
   *
   * @param baseUrl the base URL, without a trailing slash
   * @param auth the authentication header, or {@code null}
   */
  public record ResolvedServer(String baseUrl, PreparedRequest.Header auth) {}

  private final String toolId;
  private final Map<String, String> credentials;
  private final Map<String, ResolvedServer> servers;
  private final Transport transport;
  private final String userAgent;

  /**
   * @param toolId the tool's id
   * @param credentials the connection's values, defaults applied
   * @param servers the servers by id
   * @param transport what sends requests
   * @param userAgent the User-Agent header value
   */
  public HttpSupport(String toolId, Map<String, String> credentials,
      Map<String, ResolvedServer> servers, Transport transport, String userAgent) {
    this.toolId = toolId;
    this.credentials = credentials;
    this.servers = servers;
    this.transport = transport;
    this.userAgent = userAgent;
  }

  /** The same connection with another transport (used for dry runs). */
  public HttpSupport withTransport(Transport other) {
    return new HttpSupport(toolId, credentials, servers, other, userAgent);
  }

  String toolId() {
    return toolId;
  }

  String credential(String key) {
    return credentials.get(key);
  }

  /** Starts a request of an operation. */
  public RequestBuilder request(String operation, String method, String server) {
    return new RequestBuilder(this, operation, method, server);
  }

  PreparedRequest prepare(String operation, String method, String server, CharSequence path,
      CharSequence query, List<PreparedRequest.Header> argumentHeaders, JsonNode body) {
    ResolvedServer s = servers.get(server);
    if (s == null) {
      throw new IllegalStateException("No server '" + server + "' in tool " + toolId);
    }
    String url = s.baseUrl() + path + query;
    List<PreparedRequest.Header> headers = new ArrayList<>(argumentHeaders.size() + 4);
    headers.add(new PreparedRequest.Header("Accept", "application/json", false));
    headers.add(new PreparedRequest.Header("User-Agent", userAgent, false));
    if (body != null) {
      headers.add(new PreparedRequest.Header("Content-Type", "application/json", false));
    }
    if (s.auth() != null) {
      headers.add(s.auth());
    }
    headers.addAll(argumentHeaders);
    return new PreparedRequest(operation, server, method, url, headers, body);
  }

  /**
   * Sends the request; a status of 400 or more becomes an {@link HttpStatusException} carrying the
   * server's message.
   */
  public Response send(RequestBuilder request) {
    PreparedRequest prepared = request.build();
    Response response = transport.send(prepared);
    if (response.status() >= 400) {
      throw new HttpStatusException(
          prepared.operation(), response, ErrorBodies.message(response.body()));
    }
    return response;
  }

  /** Sends the request and returns only the response body. */
  public JsonNode sendForBody(RequestBuilder request) {
    return send(request).body();
  }
}
