package ai.phinite.tools.runtime.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The object keywords together: {@code minProperties}, {@code maxProperties}, {@code x-exclusive},
 * {@code x-requiresAnyOf}, {@code required}, {@code properties}, {@code additionalProperties} and
 * {@code propertyNames}.
 *
 * <p>The object's own problems (counts, exclusive properties, properties given without one they
 * need, missing required properties) come first, then the problems of its properties in the order
 * they appear in the instance.
 */
final class ObjectCheck implements Check {
  private final long minProperties;
  private final long maxProperties;
  private final String[] exclusive;
  private final String[] dependents;
  private final String[][] needed;
  private final String[] neededMessages;
  private final String[] required;
  private final String[] requiredMessages;
  private final String[] names;
  private final Check[] checks;
  private final Map<String, Check> byName;
  private final boolean additionalForbidden;
  private final Check additional;
  private final Check propertyNames;
  private final String unknownMessage;

  /**
   * @param minProperties the least number of properties, or -1
   * @param maxProperties the most properties, or -1
   * @param exclusive property names of which at most one may be present, or null
   * @param requiresAnyOf for each property name, the names of which at least one must be present
   *     when it is; empty for none
   * @param required required property names, without duplicates
   * @param requiredMessages the message for each missing required property
   * @param properties the declared properties and their schemas, in declaration order
   * @param additional the schema of undeclared properties: null for any, {@link Check#REJECT} for
   *     none
   * @param propertyNames the schema every property name must satisfy, or null
   */
  ObjectCheck(
      long minProperties,
      long maxProperties,
      List<String> exclusive,
      Map<String, List<String>> requiresAnyOf,
      List<String> required,
      List<String> requiredMessages,
      Map<String, Check> properties,
      Check additional,
      Check propertyNames) {
    this.minProperties = minProperties;
    this.maxProperties = maxProperties;
    this.exclusive = exclusive == null ? null : exclusive.toArray(new String[0]);
    this.dependents = requiresAnyOf.keySet().toArray(new String[0]);
    this.needed = new String[dependents.length][];
    this.neededMessages = new String[dependents.length];
    for (int i = 0; i < dependents.length; i++) {
      List<String> anyOf = requiresAnyOf.get(dependents[i]);
      needed[i] = anyOf.toArray(new String[0]);
      neededMessages[i] = anyOf.size() == 1
          ? "may be given only together with " + anyOf.get(0) + ", which is not given; add "
              + anyOf.get(0) + ", or leave " + dependents[i] + " out"
          : "may be given only together with one of " + JsonValues.join(anyOf, "or")
              + ", and none of them is given; add one of them, or leave " + dependents[i] + " out";
    }
    this.required = required.toArray(new String[0]);
    this.requiredMessages = requiredMessages.toArray(new String[0]);
    this.names = properties.keySet().toArray(new String[0]);
    this.checks = properties.values().toArray(new Check[0]);
    this.byName = properties;
    this.additionalForbidden = additional == Check.REJECT;
    this.additional = additional == Check.ACCEPT || additionalForbidden ? null : additional;
    this.propertyNames = propertyNames == Check.ACCEPT ? null : propertyNames;
    this.unknownMessage =
        names.length == 0
            ? "is not an allowed argument; no arguments are allowed here"
            : "is not an allowed argument; allowed: " + String.join(", ", names);
  }

  @Override
  public boolean check(JsonNode node, int depth, Problems problems) {
    int size = node.size();
    boolean ok = true;
    if (minProperties >= 0 && size < minProperties) {
      if (problems == null) {
        return false;
      }
      ok = false;
      problems.add(
          "must have at least "
              + JsonValues.count(minProperties, "property", "properties")
              + "; got "
              + size);
    }
    if (maxProperties >= 0 && size > maxProperties) {
      if (problems == null) {
        return false;
      }
      ok = false;
      problems.add(
          "must have at most "
              + JsonValues.count(maxProperties, "property", "properties")
              + "; got "
              + size);
    }
    if (exclusive != null && !exclusiveValid(node, problems)) {
      if (problems == null) {
        return false;
      }
      ok = false;
    }
    for (int i = 0; i < dependents.length; i++) {
      if (node.get(dependents[i]) != null && noneGiven(node, needed[i])) {
        if (problems == null) {
          return false;
        }
        ok = false;
        problems.addChild(dependents[i], neededMessages[i]);
      }
    }
    for (int i = 0; i < required.length; i++) {
      if (node.get(required[i]) == null) {
        if (problems == null) {
          return false;
        }
        ok = false;
        problems.addChild(required[i], requiredMessages[i]);
      }
    }
    if (problems == null) {
      return childrenValid(node, depth);
    }
    return collectChildren(node, depth, problems) && ok;
  }

  private static boolean noneGiven(JsonNode node, String[] names) {
    for (String name : names) {
      if (node.get(name) != null) {
        return false;
      }
    }
    return true;
  }

  private boolean exclusiveValid(JsonNode node, Problems problems) {
    int present = 0;
    for (String name : exclusive) {
      if (node.get(name) != null) {
        present++;
      }
    }
    if (present <= 1) {
      return true;
    }
    if (problems != null) {
      List<String> given = new ArrayList<>();
      for (String name : exclusive) {
        if (node.get(name) != null) {
          given.add(name);
        }
      }
      problems.add(
          "must not contain "
              + JsonValues.join(given, "and")
              + " together; send only one of "
              + String.join(", ", exclusive));
    }
    return false;
  }

  /** The fast path: declared properties by lookup, the rest only when there is a rest to check. */
  private boolean childrenValid(JsonNode node, int depth) {
    int present = 0;
    for (int i = 0; i < names.length; i++) {
      JsonNode value = node.get(names[i]);
      if (value != null) {
        present++;
        if (!childValid(checks[i], value, depth)) {
          return false;
        }
      }
    }
    boolean restMatters = additionalForbidden || additional != null;
    if (propertyNames == null && (present == node.size() || !restMatters)) {
      return true;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (propertyNames != null && !propertyNames.check(TextNode.valueOf(key), depth + 1, null)) {
        return false;
      }
      if (!byName.containsKey(key)
          && (additionalForbidden
              || (additional != null && !childValid(additional, e.getValue(), depth)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean childValid(Check check, JsonNode value, int depth) {
    return check == Check.ACCEPT
        || (Check.canDescend(depth) && check.check(value, depth + 1, null));
  }

  private boolean collectChildren(JsonNode node, int depth, Problems problems) {
    boolean ok = true;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (propertyNames != null) {
        problems.push(key);
        int start = problems.size();
        if (!propertyNames.check(TextNode.valueOf(key), depth + 1, problems)) {
          ok = false;
          problems.prefixSince(start, "property name ");
        }
        problems.pop();
      }
      Check check = byName.get(key);
      if (check == null) {
        if (additionalForbidden) {
          ok = false;
          problems.addChild(key, unknownMessage + suggestion(key));
          continue;
        }
        check = additional;
      }
      if (check == null || check == Check.ACCEPT) {
        continue;
      }
      if (!Check.canDescend(depth)) {
        problems.addChild(key, TOO_DEEP);
        return false;
      }
      problems.push(key);
      if (!check.check(e.getValue(), depth + 1, problems)) {
        ok = false;
      }
      problems.pop();
    }
    return ok;
  }

  /** {@code " (did you mean page_size?)"} when a declared name differs only in case, _ or -. */
  private String suggestion(String key) {
    String wanted = normalize(key);
    for (String name : names) {
      if (normalize(name).equals(wanted)) {
        return " (did you mean " + name + "?)";
      }
    }
    return "";
  }

  private static String normalize(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }
}
