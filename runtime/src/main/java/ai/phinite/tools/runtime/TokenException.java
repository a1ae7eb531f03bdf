package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OAuth2 access token could not be obtained: the token endpoint refused the connection's
 * credentials (e.g. {@code invalid_client}, or {@code invalid_grant} for a refresh token that was
 * revoked or already rotated), answered without a usable token, or a rotated refresh token could
 * not be handed to the application. The request it was needed for was not sent. Kind
 * {@code token_error}; the message never contains a token or secret, nor the token endpoint's body.
 */
public final class TokenException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  /**
   * @param message what happened (no secrets)
   * @param status the token endpoint's HTTP status, or 0 when it gave no usable answer
   * @param error the OAuth2 {@code error} code it returned, or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public TokenException(String message, int status, String error, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.error = error;
  }

  @Override
  public String kind() {
    return "token_error";
  }

  /** The request that needed the token was not sent. */
  @Override
  public boolean nothingSent() {
    return true;
  }

  /** The token endpoint's HTTP status, or 0. */
  public int status() {
    return status;
  }

  /** The OAuth2 {@code error} code (e.g. {@code invalid_grant}), or {@code null}. */
  public String error() {
    return error;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = super.toJson();
    json.put("status", status);
    if (error != null) {
      json.put("error", error);
    }
    return json;
  }
}
