package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.ToolException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A failure found by the command line itself before anything is sent: an unreadable file, text
 * that is not JSON, a subtool the tool does not have. It reports like every runtime failure (a
 * {@link #kind()} and a message, as {@link #toJson()}), so callers see one error shape.
 */
public final class CliException extends ToolException {
  private static final long serialVersionUID = 1L;

  /** Kind of a command-line input that cannot be used (file, JSON text). */
  public static final String INVALID_INPUT = "invalid_input";

  private final String kind;
  private final String option;

  private CliException(String kind, String option, String message) {
    super(message, null);
    this.kind = kind;
    this.option = option;
  }

  /**
   * An option's value cannot be used.
   *
   * @param option the option, e.g. {@code --args}
   * @param message what is wrong and how to fix it; must not quote secret values
   */
  public static CliException invalidInput(String option, String message) {
    return new CliException(INVALID_INPUT, option, message);
  }


  @Override
  public String kind() {
    return kind;
  }

  /** The option whose value is wrong, or {@code null}. */
  public String option() {
    return option;
  }

  @Override
  public boolean nothingSent() {
    return true;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = super.toJson();
    if (option != null) {
      json.put("option", option);
    }
    return json;
  }
}
