package ai.phinite.tools.runtime.internal.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Collects problems during one validation, keeping the path to the current value so that pointers
 * are only built for the values that actually have a problem. Not thread-safe; one per call.
 */
final class Problems {
  private final List<SchemaProblem> list = new ArrayList<>();
  private String[] names = new String[16];
  private int[] indexes = new int[16];
  private int depth;

  /** Steps into the property {@code name} of the current object. */
  void push(String name) {
    grow();
    names[depth] = name;
    depth++;
  }

  /** Steps into the item {@code index} of the current array. */
  void push(int index) {
    grow();
    names[depth] = null;
    indexes[depth] = index;
    depth++;
  }

  /** Steps back out to the parent value. */
  void pop() {
    depth--;
  }

  /** Records a problem with the current value. */
  void add(String message) {
    list.add(new SchemaProblem(pointer(null, -1), message));
  }

  /** Records a problem with the property {@code name} of the current object. */
  void addChild(String name, String message) {
    list.add(new SchemaProblem(pointer(name, -1), message));
  }

  /** Records a problem with the item {@code index} of the current array. */
  void addChild(int index, String message) {
    list.add(new SchemaProblem(pointer(null, index), message));
  }

  /** How many problems have been recorded so far. */
  int size() {
    return list.size();
  }

  /** Puts {@code prefix} in front of the messages of the problems recorded since {@code start}. */
  void prefixSince(int start, String prefix) {
    for (int i = start; i < list.size(); i++) {
      SchemaProblem p = list.get(i);
      list.set(i, new SchemaProblem(p.pointer(), prefix + p.message()));
    }
  }

  /** The problems recorded, in the order they were found. */
  List<SchemaProblem> toList() {
    return Collections.unmodifiableList(list);
  }

  private void grow() {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
  }

  private String pointer(String extraName, int extraIndex) {
    if (depth == 0 && extraName == null && extraIndex < 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append('/');
      if (names[i] != null) {
        appendEscaped(sb, names[i]);
      } else {
        sb.append(indexes[i]);
      }
    }
    if (extraName != null) {
      appendEscaped(sb.append('/'), extraName);
    } else if (extraIndex >= 0) {
      sb.append('/').append(extraIndex);
    }
    return sb.toString();
  }

  /**
   * Appends {@code token} escaped per RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}.
   */
  static void appendEscaped(StringBuilder sb, String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '~') {
        sb.append("~0");
      } else if (c == '/') {
        sb.append("~1");
      } else {
        sb.append(c);
      }
    }
  }
}
