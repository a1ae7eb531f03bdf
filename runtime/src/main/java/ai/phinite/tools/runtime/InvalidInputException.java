package ai.phinite.tools.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The arguments or the connection values are not acceptable; nothing was sent. Every problem found
 * is listed with its JSON pointer.
 */
public final class InvalidInputException extends ToolException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final transient List<Problem> problems;

  private InvalidInputException(String kind, String what, List<Problem> problems) {
    super(describe(what, problems), null);
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  /** Invalid subtool arguments ({@code invalid_arguments}). */
  public static InvalidInputException arguments(String subtool, List<Problem> problems) {
    return new InvalidInputException("invalid_arguments", "Invalid arguments for " + subtool, problems);
  }

  /** One invalid subtool argument ({@code invalid_arguments}). */
  public static InvalidInputException argument(String pointer, String message) {
    return new InvalidInputException(
        "invalid_arguments", "Invalid arguments", List.of(new Problem(pointer, message)));
  }

  /** Invalid connection values ({@code invalid_connection}). */
  public static InvalidInputException connection(String tool, List<Problem> problems) {
    return new InvalidInputException(
        "invalid_connection", "Invalid connection for " + tool, problems);
  }

  private static String describe(String what, List<Problem> problems) {
    return what + ": "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public boolean nothingSent() {
    return true;
  }

  /** Every problem found, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = super.toJson();
    ArrayNode list = json.putArray("problems");
    for (Problem p : problems) {
      list.addObject().put("pointer", p.pointer()).put("message", p.message());
    }
    return json;
  }
}
