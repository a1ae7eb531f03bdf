package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The server answered with a status of 300 or more. Carries the status, the server's own message
 * (parsed from the common error body shapes) and the raw body. A 404 has kind {@code not_found};
 * a 3xx has kind {@code redirect}: redirects are never followed, so that credentials are never
 * sent to another address.
 */
public final class HttpStatusException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final transient Response response;
  private final String serverMessage;
  private final int attempts;

  /**
   * @param operation the subtool or operation that was called
   * @param response the server's answer
   * @param serverMessage the server's message, or {@code null} when the body had none
   */
  public HttpStatusException(String operation, Response response, String serverMessage) {
    this(operation, response, serverMessage, 1);
  }

  /**
   * @param operation the subtool or operation that was called
   * @param response the server's last answer
   * @param serverMessage the server's message, or {@code null} when the body had none
   * @param attempts how many attempts were made
   */
  public HttpStatusException(String operation, Response response, String serverMessage,
      int attempts) {
    super(describe(operation, response, serverMessage)
        + (attempts > 1 ? " (after " + attempts + " attempts)" : "")
        + (retryAdvisable(response.status()) ? "; retrying later is advisable" : ""), null);
    this.response = response;
    this.serverMessage = serverMessage;
    this.attempts = attempts;
  }

  /** Whether the same call may succeed later: rate limits, server errors, timeouts. */
  static boolean retryAdvisable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** Whether the same call may succeed later (rate limited, server error). */
  public boolean retryAdvisable() {
    return retryAdvisable(response.status());
  }

  private static String describe(String operation, Response response, String serverMessage) {
    int status = response.status();
    if (status >= 300 && status < 400) {
      String location = response.header("location");
      return operation + " failed: HTTP " + status + " redirect"
          + (location == null ? "" : " to " + location)
          + ", not followed (the runtime never sends a connection's credentials to another"
          + " address); check the connection's base URL";
    }
    StringBuilder s = new StringBuilder(operation).append(" failed: HTTP ").append(status);
    String reason = reason(status);
    if (!reason.isEmpty()) {
      s.append(' ').append(reason);
    }
    if (serverMessage != null) {
      s.append(": ").append(serverMessage);
    }
    return s.toString();
  }

  private static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized (check the connection's credentials)";
      case 403: return "Forbidden (the credentials lack a permission)";
      case 404: return "Not Found";
      case 409: return "Conflict";
      case 413: return "Payload Too Large";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests (rate limited)";
      default: return status >= 500 ? "Server Error" : "";
    }
  }

  @Override
  public String kind() {
    int status = response.status();
    return status == 404 ? "not_found" : status < 400 ? "redirect" : "http_error";
  }

  /** The HTTP status. */
  public int status() {
    return response.status();
  }

  /** The server's message from its error body, or {@code null}. */
  public String serverMessage() {
    return serverMessage;
  }

  /** The whole response: status, headers and body (JSON, or text). */
  public Response response() {
    return response;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = super.toJson();
    json.put("status", response.status());
    json.put("attempts", attempts);
    json.put("retryAdvisable", retryAdvisable());
    if (serverMessage != null) {
      json.put("serverMessage", serverMessage);
    }
    json.set("body", response.body());
    return json;
  }
}
