package ai.phinite.tools.runtime.internal.shape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subtool's declared shaping, read from the {@code shape} member of its descriptor entry.
 *
 * @param jsonApi flatten JSON:API resources and drop their links
 * @param items pointer to the list of items, or {@code null}
 * @param item pointer to the one object, or {@code null}
 * @param fields the fields shown by default (empty: all)
 * @param paging how the list pages, or {@code null}
 */
public record ShapeSpec(boolean jsonApi, String items, String item, List<String> fields,
    Paging paging) {
  /** What an undeclared subtool gets: compaction and the budget only. */
  public static final ShapeSpec NONE = new ShapeSpec(false, null, null, List.of(), null);

  /**
   * Paging, as declared with {@code @Paged}.
   *
   * @param cursorStyle a cursor (else page numbers)
   * @param page the page-number argument, or {@code null}
   * @param cursor the cursor argument, or {@code null}
   * @param size the page-size argument, or {@code null}
   * @param defaultSize the API's default page size, 0 when unknown
   * @param more pointer to the member present exactly when there is a next page, or {@code null}
   * @param next pointer to the next cursor, or {@code null}
   * @param total pointer to the total number of items, or {@code null}
   * @param link pointer to the next page's URL (link paging), or {@code null}
   * @param query link paging: each query parameter's argument, and whether it is a number
   */
  public record Paging(boolean cursorStyle, String page, String cursor, String size,
      int defaultSize, String more, String next, String total, String link,
      Map<String, LinkArgument> query) {
    /** Page-number or cursor paging (no link). */
    public Paging(boolean cursorStyle, String page, String cursor, String size, int defaultSize,
        String more, String next, String total) {
      this(cursorStyle, page, cursor, size, defaultSize, more, next, total, null, Map.of());
    }
  }

  /**
   * Where a query parameter of a next link goes.
   *
   * @param argument the argument's name
   * @param number whether the argument is a number (so {@code "2"} is given as {@code 2})
   */
  public record LinkArgument(String argument, boolean number) {}

  /** Reads the {@code shape} member of a descriptor's subtool entry (missing: {@link #NONE}). */
  public static ShapeSpec of(JsonNode subtoolEntry) {
    JsonNode s = subtoolEntry == null ? null : subtoolEntry.get("shape");
    if (s == null || !s.isObject()) {
      return NONE;
    }
    List<String> fields = new ArrayList<>();
    s.path("fields").forEach(f -> fields.add(f.asText()));
    JsonNode p = s.get("paging");
    Paging paging = null;
    if (p != null && p.isObject()) {
      Map<String, LinkArgument> query = new LinkedHashMap<>();
      JsonNode properties = subtoolEntry.path("inputSchema").path("properties");
      p.path("query").fields().forEachRemaining(e -> {
        String arg = e.getValue().asText();
        String type = properties.path(arg).path("type").asText("");
        query.put(e.getKey(), new LinkArgument(arg, type.equals("integer") || type.equals("number")));
      });
      paging = new Paging("cursor".equals(p.path("style").asText()), text(p, "page"),
          text(p, "cursor"), text(p, "size"), p.path("defaultSize").asInt(0), text(p, "more"),
          text(p, "next"), text(p, "total"), text(p, "link"), Map.copyOf(query));
    }
    return new ShapeSpec(s.path("jsonApi").asBoolean(false), text(s, "items"), text(s, "item"),
        List.copyOf(fields), paging);
  }

  /** Whether {@code @Shape} was declared (the result is then always an envelope). */
  public boolean declared() {
    return items != null || item != null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() ? null : v.textValue();
  }
}
