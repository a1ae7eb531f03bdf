package ai.phinite.tools.runtime;

/**
 * A multi-step subtool got an answer it cannot continue with — for example a lookup that returned
 * an id which cannot be used in a path. An earlier request was sent; nothing further was. This is
 * not the agent's arguments' fault, so it is not an {@link InvalidInputException}.
 */
public final class UnusableResponseException extends ToolException {
  private static final long serialVersionUID = 1L;

  /**
   * For a multi-step subtool's code: a step's answer cannot be used by the next step (a lookup
   * that yields a null, empty or non-string id), so nothing further is sent.
   *
   * @param subtool the subtool called
   * @param what what was wrong with the answer, without secret values
   */
  public UnusableResponseException(String subtool, String what) {
    super(subtool + " could not continue: " + what + "; its earlier requests were sent, nothing"
        + " further was", null);
  }

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
