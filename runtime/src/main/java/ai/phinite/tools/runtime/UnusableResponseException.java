package ai.phinite.tools.runtime;

/**
 * A multi-step subtool got an answer it cannot continue with — for example a lookup that returned
 * an id which cannot be used in a path. An earlier request was sent; nothing further was. This is
 * not the agent's arguments' fault, so it is not an {@link InvalidInputException}.
 */
public final class UnusableResponseException extends ToolException {
  private static final long serialVersionUID = 1L;

  UnusableResponseException(String subtool, InvalidInputException cause) {
    super(subtool + " could not continue: a value it received from the server cannot be used ("
        + cause.problems().stream().map(Problem::message).findFirst().orElse("invalid")
        + "); its earlier requests were sent, nothing further was", cause);
  }

  @Override
  public String kind() {
    return "unusable_response";
  }
}
