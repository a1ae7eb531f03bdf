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

  /** The most problems kept; more are counted, not listed (a model reads them all). */
  static final int MAX_PROBLEMS = 50;

  /** The most problems written into the message. */
  private static final int MAX_IN_MESSAGE = 10;

  private final int total;
  private final boolean sentBefore;

  private InvalidInputException(String kind, String what, List<Problem> problems) {
    super(describe(what, problems), null);
    this.kind = kind;
    this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    this.total = problems.size();
    this.sentBefore = false;
  }

  private InvalidInputException(InvalidInputException refused) {
    super(refused.getMessage() + " (an earlier step of this subtool was already sent; nothing"
        + " further was)", null);
    this.kind = refused.kind;
    this.problems = refused.problems;
    this.total = refused.total;
    this.sentBefore = true;
  }

  /** The same refusal, found after an earlier step of a multi-step subtool was sent. */
  InvalidInputException afterSending() {
    return new InvalidInputException(this);
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
    String listed = problems.stream().limit(MAX_IN_MESSAGE).map(Problem::toString)
        .collect(Collectors.joining("; "));
    return what + ": " + listed + (problems.size() > MAX_IN_MESSAGE
        ? "; and " + (problems.size() - MAX_IN_MESSAGE) + " more problems" : "");
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public boolean nothingSent() {
    return !sentBefore;
  }

  /** The problems found, in document order: every one, up to {@value #MAX_PROBLEMS}. */
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
    if (total > problems.size()) {
      json.put("moreProblems", total - problems.size());
    }
    return json;
  }
}
