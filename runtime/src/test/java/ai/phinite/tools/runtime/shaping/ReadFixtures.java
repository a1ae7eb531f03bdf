package ai.phinite.tools.runtime.shaping;

import ai.phinite.tools.runtime.ResponseShaping;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolDescriptor.SubtoolSpec;
import ai.phinite.tools.runtime.internal.Json;
import ai.phinite.tools.runtime.internal.shape.ShapeSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The response fixtures of a tool's read subtools ({@code /responses/<subtool>.json} in its test
 * resources, written by {@code docs/fixtures/responses.py}) and what they become when shaped:
 * the largest page of each list, raw against shaped sizes in characters and in tokens (counted
 * with a real tokenizer, jtokkit's o200k_base, in tests only), and the table of
 * {@code docs/responses.md}.
 */
public final class ReadFixtures {
  /** A list that has no pages is filled to this many items (a large workspace). */
  public static final int UNPAGED_ITEMS = 250;

  /** What agent hosts accept in one result (Claude Code refuses more). */
  public static final int HOST_LIMIT_TOKENS = 25_000;

  private static final Encoding O200K =
      Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private ReadFixtures() {}

  /** Tokens of a text with o200k_base (the encoding of current OpenAI models). */
  public static int tokens(String text) {
    return O200K.countTokens(text);
  }

  /** The read subtools of a tool, in descriptor order. */
  public static List<SubtoolSpec> reads(ToolDescriptor tool) {
    return tool.subtools().values().stream().filter(s -> s.hints().readOnly()).toList();
  }

  /** The fixture of a subtool, as stored (a list holds a few distinct items). */
  public static JsonNode fixture(Class<?> anchor, String subtool) {
    try (InputStream in = anchor.getResourceAsStream("/responses/" + subtool + ".json")) {
      if (in == null) {
        throw new IllegalStateException("No fixture /responses/" + subtool + ".json");
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The response of the subtool's largest page: the fixture's items repeated, with new ids, up to
   * the page size's maximum in the input schema (or {@link #UNPAGED_ITEMS}); a single object as it
   * is.
   */
  public static JsonNode largest(SubtoolSpec subtool, JsonNode fixture) {
    ShapeSpec shape = ShapeSpec.of(subtool.json());
    if (shape.items() == null) {
      return fixture;
    }
    int size = pageSize(subtool);
    ObjectNode body = fixture.deepCopy();
    JsonNode items = body.at(shape.items());
    List<JsonNode> distinct = new ArrayList<>();
    items.forEach(distinct::add);
    ArrayNode filled = (ArrayNode) items;
    filled.removeAll();
    for (int i = 0; i < size; i++) {
      ObjectNode item = distinct.get(i % distinct.size()).deepCopy();
      JsonNode id = item.get("id");
      if (id != null && id.isTextual()) {
        String text = id.textValue();
        item.set("id", TextNode.valueOf(text.substring(0, text.length() - 6) + String.format("%06x", i)));
      } else if (id != null && id.isIntegralNumber()) {
        item.set("id", IntNode.valueOf(1_000 + i));
      }
      filled.add(item);
    }
    return body;
  }

  /** The largest page size the subtool accepts, or {@link #UNPAGED_ITEMS} without paging. */
  public static int pageSize(SubtoolSpec subtool) {
    ShapeSpec shape = ShapeSpec.of(subtool.json());
    if (shape.paging() == null || shape.paging().size() == null) {
      return UNPAGED_ITEMS;
    }
    return subtool.inputSchema().path("properties").path(shape.paging().size())
        .path("maximum").asInt(UNPAGED_ITEMS);
  }

  /** The arguments of a call for the largest page (the page size at its maximum). */
  public static ObjectNode largestPageArguments(SubtoolSpec subtool) {
    ObjectNode args = Json.MAPPER.createObjectNode();
    ShapeSpec shape = ShapeSpec.of(subtool.json());
    if (shape.paging() != null && shape.paging().size() != null) {
      args.put(shape.paging().size(), pageSize(subtool));
    }
    return args;
  }

  /** The body as the default shaping gives it to an agent. */
  public static JsonNode shaped(SubtoolSpec subtool, JsonNode args, JsonNode body) {
    return ResponseShaping.defaults().apply(subtool, args, Response.ofBody(body)).body();
  }

  /** The arguments of a call that asks for every field: {@code {"fields": ["all"]}}. */
  public static ObjectNode allFields() {
    ObjectNode args = Json.MAPPER.createObjectNode();
    args.putArray("fields").add("all");
    return args;
  }

  /**
   * The fields of a single object's compacted body that its default view does not show, in the
   * order of the {@code ["all"]} view.
   */
  public static List<String> hiddenFields(SubtoolSpec subtool, JsonNode body) {
    JsonNode all = shaped(subtool, allFields(), body).path("item");
    JsonNode shown = shaped(subtool, Json.MAPPER.createObjectNode(), body).path("item");
    List<String> hidden = new ArrayList<>();
    all.fieldNames().forEachRemaining(f -> {
      if (!shown.has(f)) {
        hidden.add(f);
      }
    });
    return hidden;
  }

  /** The problems of a value against a JSON Schema (networknt, 2020-12): empty when it is valid. */
  public static List<String> validate(JsonNode schema, JsonNode value) {
    Schema s = SCHEMAS.getSchema(schema);
    return s.validate(value).stream().map(Error::toString).toList();
  }

  /**
   * Every scalar value of a response: what compaction must keep. Nulls, empty
   * lists and objects are not values; nor are JSON:API {@code links} or the type of a related
   * resource (the relationship's name says what it is, and flattening keeps its id).
   */
  public static List<String> values(JsonNode node, boolean jsonApi) {
    List<String> out = new ArrayList<>();
    collect(node, "", jsonApi, out);
    return out;
  }

  private static void collect(JsonNode node, String path, boolean jsonApi, List<String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (jsonApi && e.getKey().equals("links")) {
          continue;
        }
        if (jsonApi && e.getKey().equals("type") && path.matches(".*/relationships/[^/]+/data(/\\d+)?")) {
          continue;
        }
        collect(e.getValue(), path + "/" + e.getKey(), jsonApi, out);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode e : node) {
        collect(e, path + "/" + i++, jsonApi, out);
      }
    } else if (!node.isNull()) {
      out.add(node.toString());
    }
  }

  /**
   * One row of the table: a read subtool's largest response, raw and shaped; for a single object
   * also shaped with {@code "fields": ["all"]} ({@code allTokens} 0 for a list).
   */
  public record Row(String subtool, int items, int shownItems, int rawChars, int rawTokens,
      int prettyTokens, int shapedChars, int shapedTokens, int allTokens, boolean cut) {
    /** Shaped characters as a share of raw ones. */
    public int percent() {
      return Math.round(100f * shapedChars / rawChars);
    }

    /** Shaped tokens as a share of raw ones, in percent, rounded up: 50 means at most half. */
    public int tokenPercent() {
      return (int) Math.ceil(100.0 * shapedTokens / rawTokens);
    }

    /** Tokens of the {@code ["all"]} view as a share of raw ones, in percent, rounded up. */
    public int allTokenPercent() {
      return (int) Math.ceil(100.0 * allTokens / rawTokens);
    }
  }

  /** The row of one subtool, from its fixture. */
  public static Row row(Class<?> anchor, SubtoolSpec subtool) {
    JsonNode raw = largest(subtool, fixture(anchor, subtool.name()));
    JsonNode args = largestPageArguments(subtool);
    JsonNode shaped = shaped(subtool, args, raw);
    String rawText = raw.toString();
    String pretty = raw.toPrettyString();
    String shapedText = shaped.toString();
    ShapeSpec shape = ShapeSpec.of(subtool.json());
    boolean one = shape.items() == null;
    int items = one ? 1 : raw.at(shape.items()).size();
    int shown = one ? 1 : shaped.path("items").size();
    int all = one ? tokens(shaped(subtool, allFields(), raw).toString()) : 0;
    return new Row(subtool.name(), items, shown, rawText.length(), tokens(rawText), tokens(pretty),
        shapedText.length(), tokens(shapedText), all, shown < items
            || shaped.path("notice").asText().contains("did not fit"));
  }

  /**
   * The markdown table of these rows: shares of raw tokens rounded up (50% is at most half); the
   * {@code ["all"]} columns only for single objects.
   */
  public static String table(List<Row> rows) {
    StringBuilder s = new StringBuilder();
    s.append("| subtool | items | raw chars | raw tokens | before: MCP text tokens | shaped chars |"
        + " shaped tokens | shaped / raw chars | shaped / raw tokens | `[\"all\"]` tokens |"
        + " `[\"all\"]` / raw tokens | cut |\n");
    s.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (Row r : rows) {
      s.append("| `").append(r.subtool()).append("` | ")
          .append(r.items() == 1 ? "1" : r.shownItems() + " of " + r.items()).append(" | ")
          .append(r.rawChars()).append(" | ").append(r.rawTokens()).append(" | ")
          .append(r.prettyTokens()).append(" | ").append(r.shapedChars()).append(" | ")
          .append(r.shapedTokens()).append(" | ").append(r.percent()).append("% | ")
          .append(r.tokenPercent()).append("% | ")
          .append(r.allTokens() > 0 ? r.allTokens() + " | " + r.allTokenPercent() + "% | " : " |  | ")
          .append(r.cut() ? "cut, with notice" : "").append(" |\n");
    }
    return s.toString();
  }

  /**
   * Checks (or, with {@code -Dphinite.responses.write=true}, rewrites) the tool's section of
   * {@code docs/responses.md}, between {@code <!-- <tool>:begin -->} and {@code <!-- <tool>:end -->}.
   *
   * @return the problem, or {@code null} when the document says what was measured
   */
  public static String checkDocument(String tool, String table) throws IOException {
    Path doc = Path.of("..", "docs", "responses.md");
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    String begin = "<!-- " + tool + ":begin -->\n";
    String end = "<!-- " + tool + ":end -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      return doc + " has no " + begin.trim() + " ... " + end + " section";
    }
    String now = text.substring(from + begin.length(), to);
    if (now.equals(table)) {
      return null;
    }
    if (Boolean.getBoolean("phinite.responses.write")) {
      Files.writeString(doc, text.substring(0, from + begin.length()) + table + text.substring(to),
          StandardCharsets.UTF_8);
      return null;
    }
    return doc + " is out of date for " + tool + "; regenerate it with"
        + " -Dphinite.responses.write=true. Measured:\n" + table;
  }
}
