package ai.phinite.tools.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns one valid argument object into many invalid ones, one mutation each: wrong type, missing
 * or null required argument, unknown argument, out of bounds, too long or too short (characters
 * and UTF-8 bytes), a 2 MB string, enum miss, bad format, 13-digit timestamp, pattern miss, too
 * many or too few items, property counts, forbidden property names, both of an x-exclusive pair,
 * an argument given without any of the arguments its x-requiresAnyOf names,
 * {@code .}/{@code ..} as a path id, a header value with CR/LF, 200 levels of nesting, and
 * arguments that are not an object. Each knows the JSON pointer its problem must be reported at.
 */
final class Mutations {
  /** One invalid input and where its problem is. */
  record Mutation(String label, String pointer, JsonNode args) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ArgGenerator gen;
  private final List<Mutation> out = new ArrayList<>();
  private ObjectNode valid;

  Mutations(ArgGenerator generator) {
    this.gen = generator;
  }

  /** Every applicable mutation of {@code validArgs} (explicit nulls already removed). */
  List<Mutation> of(SubtoolCase c, ObjectNode validArgs) {
    out.clear();
    valid = validArgs;
    out.add(new Mutation("arguments are an array", "", NODES.arrayNode().add(validArgs)));
    out.add(new Mutation("arguments are a string", "", NODES.textNode("{}")));
    record(c.spec().inputSchema(), "", validArgs, true); // the real schema, not the patched one
    for (String p : c.pathArgs()) {
      boolean lookup = p.equals(c.lookupArg());
      for (String dot : List.of(".", "..")) {
        add("path id " + dot + " in " + p, "/" + p, o -> {
          o.put(p, dot);
          if (lookup) {
            o.remove(c.directArg()); // the lookup happens only without the direct id
          }
        });
      }
    }
    for (String h : c.headerArgs()) {
      for (String bad : List.of("abc\r\nX-Injected: 1", "line\nbreak", "cr\ronly")) {
        add("header CR/LF in " + h, "/" + h, o -> o.put(h, bad));
      }
    }
    return new ArrayList<>(out);
  }

  private void record(JsonNode s, String ptr, JsonNode present, boolean root) {
    JsonNode props = s.path("properties");
    add("unknown property", ptr + "/unexpected_arg", o -> at(o, ptr).put("unexpected_arg", 1));
    if (root) {
      props.fieldNames().forEachRemaining(name -> {
        if (name.contains("_") && !props.has(camel(name))) {
          add("camelCase name", ptr + "/" + camel(name), o -> at(o, ptr).put(camel(name), "x"));
        }
      });
    }
    List<String> required = new ArrayList<>();
    s.path("required").forEach(n -> required.add(n.asText()));
    for (String r : required) {
      add("missing required " + r, ptr + "/" + r, o -> at(o, ptr).remove(r));
      add("null for required " + r, ptr + "/" + r, o -> at(o, ptr).putNull(r));
    }
    List<String> exclusive = new ArrayList<>();
    s.path("x-exclusive").forEach(n -> exclusive.add(n.asText()));
    if (exclusive.size() >= 2) {
      JsonNode a = gen.value(props.get(exclusive.get(0)), 1, Set.of());
      JsonNode b = gen.value(props.get(exclusive.get(exclusive.size() - 1)), 1, Set.of());
      add("both exclusive", ptr, o -> {
        exclusive.forEach(at(o, ptr)::remove);
        at(o, ptr).set(exclusive.get(0), a);
        at(o, ptr).set(exclusive.get(exclusive.size() - 1), b);
      });
    }
    for (Map.Entry<String, JsonNode> rule : s.path("x-requiresAnyOf").properties()) {
      String dependent = rule.getKey();
      JsonNode value = gen.value(props.get(dependent), 1, Set.of());
      add("without what it needs " + dependent, ptr + "/" + dependent, o -> {
        rule.getValue().forEach(n -> at(o, ptr).remove(n.asText()));
        at(o, ptr).set(dependent, value);
      });
    }
    if (s.has("maxProperties") && props.size() > s.get("maxProperties").asInt()) {
      ObjectNode full = NODES.objectNode();
      props.properties().forEach(e -> full.set(e.getKey(), gen.value(e.getValue(), 1, Set.of())));
      add("too many properties", ptr, o -> at(o, ptr).removeAll().setAll(full));
    }
    if (s.path("minProperties").asInt() > 0) {
      add("too few properties", ptr, o -> at(o, ptr).removeAll());
    }
    props.properties().forEach(e -> property(e.getKey(), e.getValue(), ptr,
        present == null ? null : present.get(e.getKey())));
  }

  private void property(String name, JsonNode s, String parent, JsonNode present) {
    String ptr = parent + "/" + name;
    JsonNode wrong = wrongType(s);
    if (wrong != null) {
      add("wrong type", ptr, o -> at(o, parent).set(name, wrong));
      JsonNode deep = NODES.textNode("bottom");
      for (int i = 0; i < 200; i++) {
        deep = NODES.arrayNode().add(deep);
      }
      JsonNode nested = deep;
      add("200 levels of nesting", ptr, o -> at(o, parent).set(name, nested));
    }
    if (s.has("minimum")) {
      set("below minimum", parent, name, NODES.numberNode(s.get("minimum").asLong() - 1));
    }
    if (s.has("maximum")) {
      set("above maximum", parent, name, NODES.numberNode(s.get("maximum").asLong() + 1));
    }
    if ("unix-seconds".equals(s.path("format").asText())) {
      set("13-digit timestamp", parent, name, NODES.numberNode(1_700_000_000_000L));
      set("9-digit timestamp", parent, name, NODES.numberNode(999_999_999L));
      set("fractional timestamp", parent, name, NODES.numberNode(1_700_000_000.5));
    }
    if (s.has("enum")) {
      set("enum miss", parent, name, NODES.textNode(s.get("enum").get(0).asText().toUpperCase() + "!"));
    }
    if ("string".equals(s.path("type").asText())) {
      strings(name, s, parent);
    }
    if ("array".equals(s.path("type").asText())) {
      arrays(name, s, parent, present);
    }
    if (s.has("properties") && present != null && present.isObject()) {
      record(s, ptr, present, false);
    } else if ("object".equals(s.path("type").asText()) && !s.has("properties")) {
      if (s.path("minProperties").asInt() > 0) {
        set("empty open object", parent, name, NODES.objectNode());
      }
      JsonNode forbidden = s.path("propertyNames").path("not").path("enum").path(0);
      if (!forbidden.isMissingNode()) {
        set("forbidden property name", parent, name,
            NODES.objectNode().put(forbidden.asText(), "x"));
      }
    }
  }

  private void strings(String name, JsonNode s, String parent) {
    if (s.has("maxLength")) {
      set("too long", parent, name, NODES.textNode("x".repeat(s.get("maxLength").asInt() + 1)));
    }
    if (s.has("x-maxBytes")) {
      int bytes = s.get("x-maxBytes").asInt();
      set("too many UTF-8 bytes", parent, name, NODES.textNode("😀".repeat(bytes / 4 + 1)));
    }
    if (s.has("maxLength") || s.has("x-maxBytes")) {
      set("2 MB string", parent, name, NODES.textNode("ü".repeat(1 << 20)));
    }
    if (s.path("minLength").asInt() > 0) {
      set("too short", parent, name, NODES.textNode("x".repeat(s.get("minLength").asInt() - 1)));
    }
    switch (s.path("format").asText()) {
      case "email" -> {
        set("email without @", parent, name, NODES.textNode("no-at.example.com"));
        set("email with a space", parent, name, NODES.textNode("a b@example.com"));
      }
      case "uri" -> set("relative uri", parent, name, NODES.textNode("example.com/x y"));
      case "date-time" -> set("bad date-time", parent, name, NODES.textNode("2024-02-30 25:61"));
      default -> { }
    }
    if (s.has("pattern")) {
      Pattern p = Pattern.compile(s.get("pattern").asText());
      for (String miss : List.of("", "no match", "http://x/y", "a/b.txt", "x")) {
        if (!p.matcher(miss).find()) {
          set("pattern miss", parent, name, NODES.textNode(miss));
          break;
        }
      }
    }
  }

  private void arrays(String name, JsonNode s, String parent, JsonNode present) {
    JsonNode items = s.path("items");
    if (s.has("maxItems")) {
      int n = s.get("maxItems").asInt() + 1;
      ArrayNode many = NODES.arrayNode();
      boolean strings = "string".equals(items.path("type").asText()) && !items.has("format");
      JsonNode one = items.isObject() ? gen.value(items, 2, Set.of()) : NODES.textNode("x");
      for (int i = 0; i < n; i++) {
        many.add(strings ? NODES.textNode("item-" + i) : one.deepCopy());
      }
      set("too many items", parent, name, many);
    }
    if (s.path("minItems").asInt() > 0) {
      set("too few items", parent, name, NODES.arrayNode());
    }
    JsonNode wrong = items.isObject() ? wrongType(items) : null;
    if (wrong != null) {
      add("wrong item type", parent + "/" + name + "/0",
          o -> at(o, parent).putArray(name).add(wrong));
    }
    if (items.has("properties") && present != null && present.isArray() && present.size() > 0) {
      record(items, parent + "/" + name + "/0", present.get(0), false);
    }
  }

  /** A value of a type the schema does not allow, or null for a schema of any type. */
  static JsonNode wrongType(JsonNode s) {
    Set<String> types = new HashSet<>();
    JsonNode t = s.get("type");
    if (t == null) {
      return null;
    }
    if (t.isArray()) {
      t.forEach(n -> types.add(n.asText()));
    } else {
      types.add(t.asText());
    }
    if (!types.contains("integer") && !types.contains("number")) {
      return NODES.numberNode(42);
    }
    if (!types.contains("string")) {
      return NODES.textNode("42");
    }
    return types.contains("boolean") ? NODES.arrayNode() : NODES.booleanNode(true);
  }

  private void set(String label, String parent, String name, JsonNode value) {
    add(label, parent + "/" + name, o -> at(o, parent).set(name, value));
  }

  private void add(String label, String pointer, Consumer<ObjectNode> change) {
    ObjectNode copy = valid.deepCopy();
    change.accept(copy);
    out.add(new Mutation(label, pointer, copy));
  }

  /** The object at a pointer, created (as an empty object) where the valid input has none. */
  private static ObjectNode at(ObjectNode root, String ptr) {
    JsonNode node = root;
    for (String token : ptr.isEmpty() ? new String[0] : ptr.substring(1).split("/")) {
      JsonNode child = node.isArray() ? node.get(Integer.parseInt(token)) : node.get(token);
      if (child == null || child.isNull()) {
        child = ((ObjectNode) node).putObject(token);
      }
      node = child;
    }
    return (ObjectNode) node;
  }

  private static String camel(String name) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }
}
