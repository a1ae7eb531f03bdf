package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One compiled part of a schema, applied to one instance value. Implementations are immutable and
 * thread-safe.
 *
 * <p>Every check runs in one of two modes. With {@code problems == null} it only answers whether
 * the value is valid and may stop at the first failure without building any message or pointer.
 * With a {@link Problems} collector it records every problem it finds (and returns the same
 * answer).
 */
@FunctionalInterface
interface Check {
  /** Instance values nested deeper than this (the root is at depth 0) are not followed. */
  int MAX_DEPTH = 64;

  /** The message for a value nested deeper than {@link #MAX_DEPTH}. */
  String TOO_DEEP = "is nested too deeply (more than " + MAX_DEPTH + " levels)";

  /** The schema {@code true} (or one with no assertions): every value is valid. */
  Check ACCEPT = (node, depth, problems) -> true;

  /** The schema {@code false}: no value is valid. */
  Check REJECT =
      (node, depth, problems) -> {
        if (problems != null) {
          problems.add("is not allowed here");
        }
        return false;
      };

  /**
   * Checks {@code node}.
   *
   * @param node the instance value, never null
   * @param depth how deep {@code node} is nested in the instance (the root is 0)
   * @param problems where to record problems, or null to only answer and stop at the first failure
   * @return whether {@code node} is valid
   */
  boolean check(JsonNode node, int depth, Problems problems);

  /** Whether a child value of a container at {@code depth} may be descended into. */
  static boolean canDescend(int depth) {
    return depth < MAX_DEPTH;
  }
}
