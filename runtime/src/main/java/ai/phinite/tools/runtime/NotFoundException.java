package ai.phinite.tools.runtime;

/**
 * What the agent asked for does not exist, found out by a subtool's own logic (for example a
 * customer with no conversation to attach a note to). The message says what to do instead.
 */
public final class NotFoundException extends ToolException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that tells the agent what to do instead. */
  public NotFoundException(String message) {
    super(message, null);
  }

  @Override
  public String kind() {
    return "not_found";
  }
}
