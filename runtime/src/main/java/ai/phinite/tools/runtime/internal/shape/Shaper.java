package ai.phinite.tools.runtime.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shapes one result: compaction, the declared item or items, projection to the chosen fields, the
 * token budget (cut at an item boundary, said in a notice) and the next page's arguments.
 *
 * <p>A declared result ({@code @Shape}) is an envelope: {@code {"items": [...]}} or
 * {@code {"item": {...}}}, the body's other members (compacted), then {@code next} and
 * {@code notice} when there are any. An undeclared one is the compacted body, wrapped the same way
 * only when it had to be cut.
 */
public final class Shaper {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Room kept for the envelope's keys, the next arguments and the notice, in tokens. */
  private static final int RESERVE = 600;
  private static final int MAX_NAMED = 30;

  private final ShapeSpec spec;
  private final String subtool;
  private final ObjectNode args;
  private final int budgetTokens;
  /** The field names of the items seen, to say which asked-for fields none has. */
  private final Set<String> seen = new java.util.HashSet<>();

  private Shaper(ShapeSpec spec, String subtool, JsonNode args, int budgetTokens) {
    this.spec = spec;
    this.subtool = subtool;
    this.args = args != null && args.isObject() ? (ObjectNode) args : NODES.objectNode();
    this.budgetTokens = budgetTokens;
  }

  /**
   * The shaped result of a call.
   *
   * @param spec the subtool's shaping
   * @param subtool the subtool's name (for the notice)
   * @param args the arguments of the call, as validated (the next page's start from them)
   * @param body the response body
   * @param budgetTokens the most tokens the result may take
   */
  public static JsonNode shape(ShapeSpec spec, String subtool, JsonNode args, JsonNode body,
      int budgetTokens) {
    return new Shaper(spec, subtool, args, budgetTokens).shape(body);
  }

  private JsonNode shape(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return body;
    }
    if (body.isTextual()) {
      return text(body.textValue());
    }
    if (!body.isContainerNode()) {
      return body;
    }
    if (!spec.declared()) {
      JsonNode c = Compactor.compact(body, spec.jsonApi());
      if (c == null) {
        return body.isArray() ? NODES.arrayNode() : NODES.objectNode();
      }
      if (Tokens.of(c) <= budgetTokens) {
        return c;
      }
      if (c.isArray()) {
        return list(c, NODES.objectNode(), null);
      }
      return single(c, NODES.objectNode());
    }
    String pointer = spec.items() != null ? spec.items() : spec.item();
    JsonNode target = pointer.isEmpty() ? body : body.at(pointer);
    ObjectNode rest = NODES.objectNode();
    if (body.isObject() && !pointer.isEmpty()) {
      rest = ((ObjectNode) body).deepCopy();
      remove(rest, pointer);
      if (spec.paging() != null && spec.paging().cursorStyle()) {
        remove(rest, spec.paging().next()); // said again as the next page's arguments
      }
    }
    JsonNode restCompact = Compactor.compact(rest, spec.jsonApi());
    ObjectNode others = restCompact instanceof ObjectNode o ? o : NODES.objectNode();
    if (spec.items() != null) {
      JsonNode items = target;
      if (!target.isArray()) { // an object where a list was declared is a list of one: kept
        items = NODES.arrayNode();
        if (!target.isMissingNode() && !target.isNull()) {
          ((ArrayNode) items).add(target);
        }
      }
      return list(items, others, body);
    }
    JsonNode item = Compactor.compact(target.isMissingNode() ? body : target, spec.jsonApi());
    return single(item == null ? NODES.objectNode() : item, others);
  }

  // ---------------------------------------------------------------- one object

  private JsonNode single(JsonNode item, ObjectNode others) {
    Set<String> hidden = new LinkedHashSet<>();
    Set<String> asked = asked();
    JsonNode shown = item.isObject() ? project((ObjectNode) item, hidden) : item;
    List<String> notice = new ArrayList<>();
    long room = budgetTokens - Tokens.of(others) - RESERVE;
    if (Tokens.of(shown) > room && shown.isObject()) {
      List<String> cut = new ArrayList<>();
      shown = cutObject((ObjectNode) shown, room, cut);
      notice.add("Showing " + shown.size() + " of " + (shown.size() + cut.size())
          + " fields; the others did not fit the budget of " + budgetTokens + " tokens: "
          + names(cut) + "." + (fieldsArgument()
              ? " Ask for them with \"fields\": " + Tokens.json(firstNames(cut)) + "." : ""));
    }
    hiddenNotice(hidden, asked, notice, true);
    ObjectNode out = NODES.objectNode();
    out.set("item", shown);
    putOthers(out, others);
    if (!notice.isEmpty()) {
      out.put("notice", String.join(" ", notice));
    }
    return out;
  }

  // ---------------------------------------------------------------- a list

  private JsonNode list(JsonNode raw, ObjectNode others, JsonNode body) {
    Set<String> hidden = new LinkedHashSet<>();
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode e : raw) {
      JsonNode c = spec.declared() ? Compactor.compact(e, spec.jsonApi()) : e;
      if (c == null) {
        c = NODES.objectNode(); // an item with nothing in it still counts as an item
      }
      items.add(c.isObject() ? project((ObjectNode) c, hidden) : c);
    }
    int n = items.size();
    long room = budgetTokens - Tokens.of(others) - RESERVE;
    int k = 0;
    long used = 1;
    for (JsonNode item : items) {
      long size = Tokens.of(item) + 1;
      if (used + size > room) {
        break;
      }
      used += size;
      k++;
    }
    List<String> notice = new ArrayList<>();
    ArrayNode shown = NODES.arrayNode();
    for (int i = 0; i < k; i++) {
      shown.add(items.get(i));
    }
    if (k == 0 && n > 0) {
      // one item alone is over the budget: show what of it fits, and say what did not
      List<String> cut = new ArrayList<>();
      JsonNode first = items.get(0);
      if (first.isObject()) {
        shown.add(cutObject((ObjectNode) first, room, cut));
        notice.add("The first item alone is over the budget of " + budgetTokens
            + " tokens; it is shown without " + names(cut) + "."
            + (fieldsArgument() ? " Ask for fewer fields with \"fields\"." : ""));
      }
      k = shown.size();
    }
    ObjectNode next = null;
    Long total = body == null || spec.paging() == null || spec.paging().total() == null ? null
        : number(body.at(spec.paging().total()));
    if (k < n) {
      String of = "Showing " + k + " of " + n + " items" + (spec.paging() != null ? " of this page" : "")
          + (total != null ? " (" + total + " in all)" : "") + "; the others did not fit the budget of "
          + budgetTokens + " tokens.";
      notice.add(of);
    }
    if (spec.paging() != null && body != null) {
      next = spec.paging().link() != null ? linkNext(body, k, n, notice)
          : spec.paging().cursorStyle() ? cursorNext(body, k, n, notice)
          : pageNext(body, k, n, total, notice);
    } else if (k < n) {
      notice.add("This subtool has no pages, so the other items cannot be fetched apart"
          + (fieldsArgument() ? "; ask for fewer fields with \"fields\" to see more of them." : "."));
    }
    hiddenNotice(hidden, asked(), notice, false);
    ObjectNode out = NODES.objectNode();
    out.set("items", shown);
    putOthers(out, others);
    if (next != null) {
      out.set("next", next);
    }
    if (!notice.isEmpty()) {
      out.put("notice", String.join(" ", notice));
    }
    return out;
  }

  private ObjectNode pageNext(JsonNode body, int k, int n, Long total, List<String> notice) {
    ShapeSpec.Paging p = spec.paging();
    long page = Math.max(1, args.path(p.page()).asLong(1));
    long size = args.has(p.size()) ? args.path(p.size()).asLong()
        : p.defaultSize() > 0 ? p.defaultSize() : n;
    long before = (page - 1) * size;
    ObjectNode next = args.deepCopy();
    if (k < n) {
      // resume at the first item not shown: a page size that lands there (repeat none if we can)
      long offset = before + k;
      long newSize = k;
      long repeat = 0;
      long found = 0;
      for (long s = k; s >= (k + 1) / 2 && s >= 1; s--) {
        if (offset % s == 0) {
          found = s;
          break;
        }
      }
      if (found > 0) {
        newSize = found;
      } else {
        repeat = offset % newSize;
      }
      long newPage = offset / newSize + 1;
      putNumber(next, p.page(), newPage);
      putNumber(next, p.size(), newSize);
      notice.add("Next: call " + subtool + " with " + Tokens.json(next) + " to continue at item "
          + (offset + 1) + (repeat > 0 ? " (its first " + repeat + " items were shown here)" : "")
          + ".");
      return next;
    }
    boolean more;
    if (p.more() != null) {
      JsonNode m = body.at(p.more());
      more = !m.isMissingNode() && !m.isNull() && !(m.isTextual() && m.textValue().isEmpty());
    } else if (total != null) {
      more = total > before + n;
    } else {
      more = n > 0 && n >= size;
    }
    if (!more) {
      return null;
    }
    putNumber(next, p.page(), page + 1);
    return next;
  }

  private ObjectNode cursorNext(JsonNode body, int k, int n, List<String> notice) {
    ShapeSpec.Paging p = spec.paging();
    JsonNode c = body.at(p.next());
    boolean more = c.isValueNode() && !c.isNull() && !c.asText().isEmpty();
    ObjectNode next = null;
    if (more) {
      next = args.deepCopy();
      next.set(p.cursor(), c.isTextual() ? c : TextNode.valueOf(c.asText()));
    }
    skipped(k, n, more, notice);
    return next;
  }

  /** The next link's query parameters, set on the arguments they are bound to. */
  private ObjectNode linkNext(JsonNode body, int k, int n, List<String> notice) {
    ShapeSpec.Paging p = spec.paging();
    JsonNode link = body.at(p.link());
    boolean more = link.isTextual() && !link.textValue().isEmpty();
    ObjectNode next = null;
    if (more) {
      next = args.deepCopy();
      List<String> unknown = new ArrayList<>();
      String url = link.textValue();
      int q = url.indexOf('?');
      String query = q < 0 ? "" : url.substring(q + 1).replaceFirst("#.*$", "");
      for (String pair : query.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        ShapeSpec.LinkArgument arg = p.query().get(name);
        if (arg == null) {
          unknown.add(name);
        } else if (arg.number() && value.matches("-?\\d{1,18}")) {
          putNumber(next, arg.argument(), Long.parseLong(value));
        } else {
          next.put(arg.argument(), value);
        }
      }
      if (!unknown.isEmpty()) {
        notice.add("There is a next page, but its link has parameters " + subtool
            + " does not take (" + names(unknown) + "), so it cannot be fetched with it.");
        next = null;
      }
    }
    skipped(k, n, more, notice);
    return next;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** What a cut page loses when the next page cannot start inside it (cursor or link). */
  private void skipped(int k, int n, boolean more, List<String> notice) {
    ShapeSpec.Paging p = spec.paging();
    if (k < n) {
      String again = p.size() == null ? "" : " To see them, call " + subtool
          + " again with the same arguments and \"" + p.size() + "\": " + k
          + ", then follow each result's next.";
      notice.add((more ? "The next arguments continue after this whole page, so items " + (k + 1)
          + " to " + n + " of it are skipped." : "Items " + (k + 1) + " to " + n
          + " of this last page are not shown.") + again);
    }
  }

  // ---------------------------------------------------------------- fields

  /** The fields the agent asked for; {@code null} for all. */
  private Set<String> asked() {
    JsonNode f = args.get("fields");
    if (f != null && f.isArray() && !f.isEmpty() && fieldsArgument()) {
      Set<String> out = new LinkedHashSet<>();
      f.forEach(e -> out.add(e.asText()));
      return out.contains("all") ? null : out;
    }
    return spec.fields().isEmpty() ? null : new LinkedHashSet<>(spec.fields());
  }

  private boolean fieldsArgument() {
    return !spec.fields().isEmpty();
  }

  private ObjectNode project(ObjectNode item, Set<String> hidden) {
    item.fieldNames().forEachRemaining(seen::add);
    Set<String> chosen = asked();
    if (chosen == null) {
      return item;
    }
    ObjectNode out = NODES.objectNode();
    if (item.has("id")) {
      out.set("id", item.get("id")); // an item is always named
    }
    for (String name : chosen) {
      if (item.has(name)) {
        out.set(name, item.get(name));
      }
    }
    for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!out.has(name)) {
        hidden.add(name);
      }
    }
    return out;
  }

  /**
   * Says which asked-for fields no item has and which fields were hidden. One object names every
   * field it hid (it has only so many); a list names the first {@value #MAX_NAMED}. Short, as it
   * comes with every result that hides anything: the {@code fields} argument's description in
   * the input schema says the rest.
   */
  private void hiddenNotice(Set<String> hidden, Set<String> asked, List<String> notice,
      boolean one) {
    if (asked != null && args.has("fields")) {
      List<String> absent = new ArrayList<>();
      for (String name : asked) {
        if (!seen.contains(name)) {
          absent.add(name);
        }
      }
      if (!absent.isEmpty()) {
        notice.add((one ? "The object has no " : "No item has ") + names(absent)
            + " (or only empty values, which are left out).");
      }
    }
    if (!hidden.isEmpty()) {
      List<String> names = new ArrayList<>(hidden);
      notice.add("Fields not shown (" + hidden.size() + "): "
          + (one ? String.join(", ", names) : names(names))
          + ". Ask for them with \"fields\" (their names, or [\"all\"]).");
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The object's members in order while they fit; the names left out go to {@code cut}. */
  private static ObjectNode cutObject(ObjectNode item, long room, List<String> cut) {
    ObjectNode out = NODES.objectNode();
    long used = 1;
    for (Iterator<java.util.Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      long size = Tokens.of(TextNode.valueOf(e.getKey())) + 1 + Tokens.of(e.getValue()) + 1;
      if (cut.isEmpty() && used + size <= room) {
        out.set(e.getKey(), e.getValue());
        used += size;
      } else {
        cut.add(e.getKey());
      }
    }
    return out;
  }

  private JsonNode text(String text) {
    if (Tokens.estimate(text) <= budgetTokens) {
      return TextNode.valueOf(text);
    }
    long room = budgetTokens - RESERVE;
    int keep = (int) Math.min(text.length(), room * 4);
    while (keep > 0 && Tokens.estimate(text.subSequence(0, keep)) > room) {
      keep = keep * 9 / 10;
    }
    return TextNode.valueOf(text.substring(0, keep) + "\n[Cut: showing the first " + keep + " of "
        + text.length() + " characters; the rest did not fit the budget of " + budgetTokens
        + " tokens.]");
  }

  private static void putOthers(ObjectNode out, ObjectNode others) {
    for (Iterator<java.util.Map.Entry<String, JsonNode>> it = others.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      boolean reserved = k.equals("items") || k.equals("item") || k.equals("next")
          || k.equals("notice");
      out.set(reserved ? "_" + k : k, e.getValue());
    }
  }

  private static void remove(ObjectNode root, String pointer) {
    if (pointer == null || pointer.isEmpty()) {
      return;
    }
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.remove(last);
    }
  }

  /** An int where it fits, so the next arguments read as the agent wrote them. */
  private static void putNumber(ObjectNode o, String key, long value) {
    if (value == (int) value) {
      o.put(key, (int) value);
    } else {
      o.put(key, value);
    }
  }

  private static Long number(JsonNode n) {
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    if (n.isTextual() && n.textValue().matches("\\d{1,18}")) {
      return Long.parseLong(n.textValue());
    }
    return null; // no total said: (a conditional expression here would unbox this null)
  }

  private static String names(List<String> names) {
    return names.size() <= MAX_NAMED ? String.join(", ", names)
        : String.join(", ", names.subList(0, MAX_NAMED)) + " and " + (names.size() - MAX_NAMED)
            + " more";
  }

  private static ArrayNode firstNames(List<String> names) {
    ArrayNode a = NODES.arrayNode();
    names.stream().limit(3).forEach(a::add);
    return a;
  }
}
