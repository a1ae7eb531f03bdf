package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The array keywords together: {@code minItems}, {@code maxItems}, {@code uniqueItems} and {@code
 * items}. Duplicates and item problems are reported item by item, in document order.
 */
final class ArrayCheck implements Check {
  /** Up to this many items, duplicates are looked for pairwise, without allocating. */
  private static final int SMALL = 16;

  private final long minItems;
  private final long maxItems;
  private final boolean unique;
  private final Check items;

  /**
   * @param minItems the least number of items, or -1
   * @param maxItems the most items, or -1
   * @param unique whether items must be distinct (by JSON equality)
   * @param items the schema of every item, or null
   */
  ArrayCheck(long minItems, long maxItems, boolean unique, Check items) {
    this.minItems = minItems;
    this.maxItems = maxItems;
    this.unique = unique;
    this.items = items == Check.ACCEPT ? null : items;
  }

  @Override
  public boolean check(JsonNode node, int depth, Problems problems) {
    int size = node.size();
    boolean ok = true;
    if (minItems >= 0 && size < minItems) {
      if (problems == null) {
        return false;
      }
      ok = false;
      problems.add(
          "must have at least " + JsonValues.count(minItems, "item", "items") + "; got " + size);
    }
    if (maxItems >= 0 && size > maxItems) {
      if (problems == null) {
        return false;
      }
      ok = false;
      problems.add(
          "must have at most " + JsonValues.count(maxItems, "item", "items") + "; got " + size);
    }
    if (problems == null) {
      return (!unique || firstEquals(node) == null) && itemsValid(node, depth);
    }
    int[] firstEqual = unique ? firstEquals(node) : null;
    for (int i = 0; i < size; i++) {
      if (firstEqual != null && firstEqual[i] >= 0) {
        ok = false;
        problems.addChild(
            i, "is a duplicate of item " + firstEqual[i] + "; all items must be unique");
      }
      if (items != null) {
        if (!Check.canDescend(depth)) {
          problems.addChild(i, TOO_DEEP);
          return false;
        }
        problems.push(i);
        if (!items.check(node.get(i), depth + 1, problems)) {
          ok = false;
        }
        problems.pop();
      }
    }
    return ok;
  }

  private boolean itemsValid(JsonNode node, int depth) {
    if (items == null || node.size() == 0) {
      return true;
    }
    if (!Check.canDescend(depth)) {
      return false;
    }
    for (int i = 0; i < node.size(); i++) {
      if (!items.check(node.get(i), depth + 1, null)) {
        return false;
      }
    }
    return true;
  }

  /**
   * For each item, the index of the first earlier item equal to it, or -1; null when all items are
   * distinct.
   */
  private static int[] firstEquals(JsonNode node) {
    int size = node.size();
    int[] first = null;
    if (size <= SMALL) {
      for (int j = 1; j < size; j++) {
        for (int i = 0; i < j; i++) {
          if (JsonValues.equal(node.get(i), node.get(j))) {
            first = mark(first, size, j, i);
            break;
          }
        }
      }
      return first;
    }
    Map<Key, Integer> seen = new HashMap<>();
    for (int j = 0; j < size; j++) {
      Integer i = seen.putIfAbsent(new Key(node.get(j)), j);
      if (i != null) {
        first = mark(first, size, j, i);
      }
    }
    return first;
  }

  private static int[] mark(int[] first, int size, int duplicate, int original) {
    if (first == null) {
      first = new int[size];
      Arrays.fill(first, -1);
    }
    first[duplicate] = original;
    return first;
  }

  /** An item as a hash key under JSON equality. */
  private static final class Key {
    private final JsonNode node;
    private final int hash;

    Key(JsonNode node) {
      this.node = node;
      this.hash = JsonValues.hash(node);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && hash == other.hash && JsonValues.equal(node, other.node);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
