package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;

/**
 * Validates JSON instances against a JSON Schema (a 2020-12 subset, see the {@linkplain
 * ai.phinite.tools.runtime.internal.schema package documentation}) compiled once by {@link #compile}.
 *
 * <pre>{@code
 * SchemaValidator v = SchemaValidator.compile(schemaNode);
 * List<SchemaProblem> problems = v.validate(argumentsNode);   // empty when valid
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #validate} never throws: whatever the
 * instance, the answer is a list of problems.
 */
public final class SchemaValidator {
  private final Check root;

  private SchemaValidator(Check root) {
    this.root = root;
  }

  /**
   * Compiles {@code schema} into a validator.
   *
   * @throws IllegalArgumentException if the schema uses a keyword this validator does not support
   *     (such as {@code $ref} or {@code oneOf}) or a keyword with a malformed value; the message
   *     names the JSON pointer of that part of the schema, e.g. {@code "/properties/ids/$ref"}
   */
  public static SchemaValidator compile(JsonNode schema) {
    return new SchemaValidator(SchemaCompiler.compile(schema));
  }

  /**
   * Validates {@code instance}; a Java {@code null} or a missing node is treated as JSON {@code
   * null}.
   *
   * @return every problem found, in document order (a value's own problems, including its missing
   *     required properties, come before those of the values inside it); empty when the instance is
   *     valid
   */
  public List<SchemaProblem> validate(JsonNode instance) {
    JsonNode node =
        instance == null || instance.isMissingNode() ? NullNode.getInstance() : instance;
    try {
      if (root.check(node, 0, null)) {
        return List.of();
      }
      Problems problems = new Problems();
      root.check(node, 0, problems);
      if (problems.size() == 0) {
        problems.add("is not valid");
      }
      return problems.toList();
    } catch (RuntimeException | StackOverflowError e) {
      // Should not happen: the checks are written not to throw. Never let one escape to the caller.
      return List.of(
          new SchemaProblem(
              "", "could not be validated (" + e.getClass().getSimpleName() + "); simplify it"));
    }
  }

  /**
   * The JSON pointer of property {@code propertyName} of the value at {@code parentPointer}, with
   * {@code ~} and {@code /} escaped per RFC 6901; e.g. {@code pointerOf("/a", "b/c")} is {@code
   * "/a/b~1c"}.
   */
  public static String pointerOf(String parentPointer, String propertyName) {
    StringBuilder sb = new StringBuilder(parentPointer.length() + propertyName.length() + 4);
    Problems.appendEscaped(sb.append(parentPointer).append('/'), propertyName);
    return sb.toString();
  }

  /** The JSON pointer of item {@code index} of the array at {@code parentPointer}. */
  public static String pointerOf(String parentPointer, int index) {
    return parentPointer + "/" + index;
  }
}
