package ai.phinite.tools.runtime;

/**
 * One thing wrong with the input, at a JSON pointer (RFC 6901) into the arguments or connection
 * values, e.g. {@code /page_size} with "must be at most 100; got 500".
 *
 * @param pointer where the problem is; {@code ""} for the whole document
 * @param message what is wrong and how to fix it
 */
public record Problem(String pointer, String message) {
  @Override
  public String toString() {
    return (pointer.isEmpty() ? "(arguments)" : pointer) + ": " + message;
  }
}
