package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one exception type the runtime throws for anything that goes wrong while listing, connecting
 * or invoking. {@link #kind()} says what happened in a word a program can switch on; the message
 * says it in words a language model can act on. Messages never contain secret values.
 */
public abstract class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ToolException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * What happened: {@code invalid_arguments}, {@code invalid_connection}, {@code unknown_tool},
   * {@code unknown_subtool}, {@code not_found}, {@code http_error}, {@code redirect},
   * {@code rate_limited}, {@code transport}, {@code unusable_response}, {@code closed},
   * {@code cancelled}.
   */
  public abstract String kind();

  /** Whether this failure happened before anything was sent. */
  public boolean nothingSent() {
    return false;
  }

  /**
   * The error as one JSON object, {@code {"kind": ..., "message": ..., ...}}; subclasses add their
   * details (problems, status, server message).
   */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("kind", kind());
    json.put("message", getMessage());
    return json;
  }
}
