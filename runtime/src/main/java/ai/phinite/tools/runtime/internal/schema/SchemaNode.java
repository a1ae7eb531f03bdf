package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled schema object: its {@code type} check, the checks that apply to any value ({@code
 * enum}, {@code const}, {@code not}) and the checks that apply to one kind of value only.
 *
 * <p>When the type is wrong nothing else is checked for that value: the other keywords would only
 * repeat the same mistake in other words.
 */
final class SchemaNode implements Check {
  private final TypeCheck type;
  private final Check[] any;
  private final Check[] numbers;
  private final Check[] strings;
  private final Check array;
  private final Check object;

  /**
   * @param type the type check, or null
   * @param any checks for every value
   * @param numbers checks for numbers
   * @param strings checks for strings
   * @param array the check for arrays, or null
   * @param object the check for objects, or null
   */
  SchemaNode(
      TypeCheck type, Check[] any, Check[] numbers, Check[] strings, Check array, Check object) {
    this.type = type;
    this.any = any;
    this.numbers = numbers;
    this.strings = strings;
    this.array = array;
    this.object = object;
  }

  @Override
  public boolean check(JsonNode node, int depth, Problems problems) {
    if (type != null && !type.check(node, depth, problems)) {
      return false;
    }
    boolean ok = all(any, node, depth, problems);
    if (!ok && problems == null) {
      return false;
    }
    switch (node.getNodeType()) {
      case NUMBER:
        return all(numbers, node, depth, problems) && ok;
      case STRING:
        return all(strings, node, depth, problems) && ok;
      case ARRAY:
        return (array == null || array.check(node, depth, problems)) && ok;
      case OBJECT:
        return (object == null || object.check(node, depth, problems)) && ok;
      default:
        return ok;
    }
  }

  private static boolean all(Check[] checks, JsonNode node, int depth, Problems problems) {
    boolean ok = true;
    for (Check check : checks) {
      if (!check.check(node, depth, problems)) {
        if (problems == null) {
          return false;
        }
        ok = false;
      }
    }
    return ok;
  }
}
