package ai.phinite.tools.runtime.internal.schema;

/**
 * One thing wrong with a JSON instance, found by {@link SchemaValidator#validate}.
 *
 * @param pointer RFC 6901 JSON pointer of the offending value, {@code ""} for the root, e.g. {@code
 *     /page_size}, {@code /ids/3} or {@code /primary/email}; for a missing required property it is
 *     the pointer the property would have
 * @param message a short English sentence saying what is wrong and how to fix it, without the
 *     pointer, e.g. {@code must be at most 100; got 500}
 */
public record SchemaProblem(String pointer, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
  }
}
