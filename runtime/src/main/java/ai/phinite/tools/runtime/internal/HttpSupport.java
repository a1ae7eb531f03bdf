package ai.phinite.tools.runtime.internal;

import ai.phinite.tools.runtime.PreparedRequest;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTTP side of one connection, as generated clients see it: resolved base URLs,
 * authentication headers, and the {@link Sender} that sends under the call's policies. Generated
 * code creates a {@link RequestBuilder} per request with {@link #request} and sends it with
 * {@link #send}.
 */
public final class HttpSupport {
  /**
   * A server as resolved for this connection.
   *
   * @param baseUrl the base URL, without a trailing slash
   * @param auth the authentication header, or {@code null}
   * @param tokens the OAuth2 tokens of an OAuth2 server (then {@code auth} is {@code null})
   */
  public record ResolvedServer(String baseUrl, PreparedRequest.Header auth, OAuth2Tokens tokens) {
    /** A server with a fixed authentication header (or none). */
    public ResolvedServer(String baseUrl, PreparedRequest.Header auth) {
      this(baseUrl, auth, null);
    }
  }

  /**
   * Sends one request of a call under its policies (rate limits, retries, the call's deadline and
   * cancellation) and returns the answer, blocking the thread until then.
   */
  @FunctionalInterface
  public interface Sender {
    /**
     * Sends the request.
     *
     * @throws ai.phinite.tools.runtime.ToolException when no successful answer could be had
     */
    Response send(PreparedRequest request);
  }

  private final String toolId;
  private final Map<String, String> credentials;
  private final Map<String, ResolvedServer> servers;
  private final String userAgent;
  private final Sender sender;

  /**
   * @param toolId the tool's id
   * @param credentials the connection's values, defaults applied
   * @param servers the servers by id
   * @param userAgent the User-Agent header value
   * @param sender what sends the requests
   */
  public HttpSupport(String toolId, Map<String, String> credentials,
      Map<String, ResolvedServer> servers, String userAgent, Sender sender) {
    this.toolId = toolId;
    this.credentials = credentials;
    this.servers = servers;
    this.userAgent = userAgent;
    this.sender = sender;
  }

  /** The same connection, sending with another sender (one call's, or a dry run's). */
  public HttpSupport with(Sender other) {
    return new HttpSupport(toolId, credentials, servers, userAgent, other);
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
    // a constant header (Accept: application/vnd.github+json) or a form body replaces a default
    if (!named(argumentHeaders, "Accept")) {
      headers.add(new PreparedRequest.Header("Accept", "application/json", false));
    }
    if (!named(argumentHeaders, "User-Agent")) {
      headers.add(new PreparedRequest.Header("User-Agent", userAgent, false));
    }
    if (body != null && !named(argumentHeaders, "Content-Type")) {
      headers.add(new PreparedRequest.Header("Content-Type", "application/json", false));
    }
    if (s.auth() != null) {
      headers.add(s.auth());
    } else if (s.tokens() != null) {
      // OAuth2: the token itself is added per attempt when sending (never in a dry run)
      headers.add(OAuth2Tokens.placeholder());
    }
    headers.addAll(argumentHeaders);
    return new PreparedRequest(operation, server, method, url, headers, body);
  }

  /** The OAuth2 tokens of a server, or {@code null} when it does not use OAuth2. */
  public OAuth2Tokens tokens(String server) {
    ResolvedServer s = servers.get(server);
    return s == null ? null : s.tokens();
  }

  private static boolean named(List<PreparedRequest.Header> headers, String name) {
    for (PreparedRequest.Header h : headers) {
      if (h.name().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sends the request under its operation's policy: waits for the connection's rate limits,
   * retries what may be retried (429 and 503 always, honouring {@code Retry-After}; other 5xx,
   * timeouts and connection failures only for idempotent operations) with jittered exponential
   * backoff, all within the call's deadline. A final status of 300 or more becomes an
   * {@link ai.phinite.tools.runtime.HttpStatusException}.
   */
  public Response send(RequestBuilder request) {
    return sender.send(request.build());
  }

  /** Sends the request and returns only the response body. */
  public JsonNode sendForBody(RequestBuilder request) {
    return send(request).body();
  }
}
