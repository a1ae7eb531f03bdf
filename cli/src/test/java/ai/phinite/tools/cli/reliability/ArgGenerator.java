package ai.phinite.tools.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates random valid JSON values from a JSON Schema of the subset the tools use: types, enums,
 * bounds, string lengths in code points and UTF-8 bytes ({@code x-maxBytes}), formats, patterns
 * (from a pool of candidates, checked), arrays, records with {@code required}, {@code
 * minProperties}/{@code maxProperties}, {@code x-exclusive} and {@code x-requiresAnyOf}, and open objects with random keys
 * that respect {@code propertyNames}. Strings are hostile: URL delimiters, quotes, {@code ..}
 * (never a whole {@code .} or {@code ..}), non-ASCII letters, emoji; never control characters.
 * Optional properties are sometimes given as explicit {@code null}s, which mean "absent".
 *
 * <p>A header value's schema pattern ({@code ^[ -~\\t]*$}, printable ASCII) makes strings ASCII.
 */
final class ArgGenerator {
  /** The pieces strings are made of. */
  static final List<String> PIECES = List.of("a", "b", "Z", "q", "0", "7", " ", "/", "?", "#", "%",
      "+", "@", "&", "=", "..", ".", "'", "\"", "\\", ":", ";", ",", "$", "!", "*", "(", ")", "[",
      "]", "{", "}", "<", ">", "|", "^", "`", "~", "-", "_", "%2F", "%00", "%2e%2e", "é", "ß",
      "ø", "中", "文", "ℕ", "😀", "🚀", "e\u0301", "\u200b", "\u00a0", "<script>", "&amp;",
      "null", "{x}");
  private static final List<String> KEYS = List.of("name2", "a.b", "$set", "", " ", "ключ", "😀",
      "x/y", "__proto__", "constructor", "null", "with space", "a\"b", "%2F", "..", "id");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd'T'HH:mm:ss");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A schema part no value could be generated for (e.g. a pattern with no candidate). */
  static final class GaveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GaveUp(String why) {
      super(why, null, false, false);
    }
  }

  private final Random r;

  ArgGenerator(Random random) {
    this.r = random;
  }

  /** A valid value; {@code siblings} are names an open object's keys may also take. */
  JsonNode value(JsonNode s, int depth, Set<String> siblings) {
    if (s.has("const")) {
      return s.get("const").deepCopy();
    }
    if (s.has("enum")) {
      return s.get("enum").get(r.nextInt(s.get("enum").size())).deepCopy();
    }
    String type = type(s);
    return switch (type) {
      case "string" -> NODES.textNode(string(s));
      case "integer" -> integer(s);
      case "number" -> NODES.numberNode(number(s));
      case "boolean" -> NODES.booleanNode(r.nextBoolean());
      case "null" -> NODES.nullNode();
      case "array" -> array(s, depth, siblings);
      default -> s.has("properties") ? record(s, depth) : openObject(s, depth, siblings);
    };
  }

  private String type(JsonNode s) {
    JsonNode t = s.path("type");
    return t.isArray() ? t.get(r.nextInt(t.size())).asText() : t.asText("object");
  }

  /** A record: required properties, a random choice of optional ones, some explicit nulls. */
  ObjectNode record(JsonNode s, int depth) {
    List<String> names = new ArrayList<>();
    s.get("properties").fieldNames().forEachRemaining(names::add);
    Set<String> required = new HashSet<>();
    s.path("required").forEach(n -> required.add(n.asText()));
    Set<String> exclusive = new HashSet<>();
    s.path("x-exclusive").forEach(n -> exclusive.add(n.asText()));
    List<String> optional = new ArrayList<>(names);
    optional.removeAll(required);
    Collections.shuffle(optional, r);
    double p = r.nextDouble();
    int min = s.path("minProperties").asInt(0);
    int max = s.path("maxProperties").asInt(Integer.MAX_VALUE);
    List<String> chosen = new ArrayList<>(required);
    boolean exclusiveTaken = false;
    for (String name : optional) {
      boolean wanted = r.nextDouble() < p || chosen.size() < min;
      if (!wanted || chosen.size() >= max || (exclusive.contains(name) && exclusiveTaken)) {
        continue;
      }
      chosen.add(name);
      exclusiveTaken |= exclusive.contains(name);
    }
    Set<String> siblings = new java.util.LinkedHashSet<>(names);
    ObjectNode o = NODES.objectNode();
    List<String> order = new ArrayList<>(names);
    Collections.shuffle(order, r);
    for (String name : order) {
      if (chosen.contains(name)) {
        try {
          o.set(name, value(s.get("properties").get(name), depth + 1, siblings));
        } catch (GaveUp e) {
          if (required.contains(name)) {
            throw e;
          }
        }
      } else if (r.nextInt(6) == 0) {
        o.putNull(name); // an optional argument given as null means absent
      }
    }
    // x-requiresAnyOf: an argument whose companions were not chosen is left out
    for (Map.Entry<String, JsonNode> rule : s.path("x-requiresAnyOf").properties()) {
      boolean companion = false;
      for (JsonNode n : rule.getValue()) {
        companion |= o.hasNonNull(n.asText());
      }
      if (o.hasNonNull(rule.getKey()) && !companion) {
        o.remove(rule.getKey());
      }
    }
    return o;
  }

  private ObjectNode openObject(JsonNode s, int depth, Set<String> siblings) {
    int min = s.path("minProperties").asInt(0);
    int max = Math.min(s.path("maxProperties").asInt(Integer.MAX_VALUE), min + 5);
    int n = min + r.nextInt(max - min + 1);
    Set<String> forbidden = new HashSet<>();
    s.path("propertyNames").path("not").path("enum").forEach(e -> forbidden.add(e.asText()));
    JsonNode valueSchema = s.get("additionalProperties");
    ObjectNode o = NODES.objectNode();
    for (int tries = 0; o.size() < n && tries < 100; tries++) {
      int pick = r.nextInt(10);
      String key = pick < 3 && !siblings.isEmpty()
          ? new ArrayList<>(siblings).get(r.nextInt(siblings.size()))
          : pick < 7 ? KEYS.get(r.nextInt(KEYS.size())) : text(1, 12, Integer.MAX_VALUE, false);
      if (forbidden.contains(key) || o.has(key)) {
        continue;
      }
      o.set(key, valueSchema != null && valueSchema.isObject()
          ? value(valueSchema, depth + 1, Set.of()) : anyJson(depth + 1));
    }
    return o;
  }

  /** Any JSON value, explicit nulls included (data inside open objects). */
  JsonNode anyJson(int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 8);
    if (kind == 6) {
      ArrayNode a = NODES.arrayNode();
      for (int i = r.nextInt(4); i > 0; i--) {
        a.add(anyJson(depth + 1));
      }
      return a;
    }
    return kind == 0 ? NODES.nullNode() : kind == 1 ? NODES.booleanNode(r.nextBoolean())
        : kind == 2 ? NODES.numberNode(r.nextInt(2000) - 1000)
        : kind == 3 ? NODES.numberNode(r.nextLong())
        : kind == 4 ? NODES.numberNode(r.nextDouble() * 1e6)
        : kind == 5 ? NODES.textNode(text(0, 20, Integer.MAX_VALUE, false))
        : openObject(NODES.objectNode(), depth, Set.of());
  }

  private ArrayNode array(JsonNode s, int depth, Set<String> siblings) {
    int min = s.path("minItems").asInt(0);
    int max = Math.min(s.path("maxItems").asInt(Integer.MAX_VALUE), min + 5);
    int n = min + r.nextInt(max - min + 1);
    boolean unique = s.path("uniqueItems").asBoolean(false);
    JsonNode items = s.path("items");
    ArrayNode a = NODES.arrayNode();
    for (int tries = 0; a.size() < n && tries < 50; tries++) {
      JsonNode item = items.isObject() ? value(items, depth + 1, siblings) : anyJson(depth + 1);
      boolean duplicate = false;
      for (JsonNode e : a) {
        duplicate |= e.equals(item);
      }
      if (!(unique && duplicate)) {
        a.add(item);
      }
    }
    return a;
  }

  private JsonNode integer(JsonNode s) {
    long min;
    long max;
    if ("unix-seconds".equals(s.path("format").asText())) {
      min = 1_000_000_000L;
      max = 9_999_999_999L;
    } else {
      // Without a maximum, stay within Java int: the tools bind integers to int (see the report).
      min = s.has("minimum") ? s.get("minimum").asLong()
          : s.has("exclusiveMinimum") ? s.get("exclusiveMinimum").asLong() + 1 : -1000;
      max = s.has("maximum") ? s.get("maximum").asLong()
          : s.has("exclusiveMaximum") ? s.get("exclusiveMaximum").asLong() - 1
          : r.nextInt(8) == 0 ? Integer.MAX_VALUE : Math.max(min, 0) + 1000;
    }
    int pick = r.nextInt(10);
    long v = pick == 0 ? min : pick == 1 ? max : min + (long) (r.nextDouble() * (max - min + 1));
    v = Math.min(max, v);
    return r.nextInt(10) == 0 && Math.abs(v) < (1L << 52)
        ? NODES.numberNode((double) v) // 5.0 is an integer too (JSON Schema 2020-12)
        : NODES.numberNode(v);
  }

  private double number(JsonNode s) {
    double min = s.path("minimum").asDouble(-1e6);
    double max = s.path("maximum").asDouble(1e6);
    return min + r.nextDouble() * (max - min);
  }

  /** A string meeting the schema's length, byte, format and pattern rules. */
  String string(JsonNode s) {
    int min = s.path("minLength").asInt(0);
    int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
    int maxBytes = s.path("x-maxBytes").asInt(Integer.MAX_VALUE);
    boolean ascii = "^[ -~\\t]*$".equals(s.path("pattern").asText());
    String format = s.path("format").asText("");
    Pattern pattern = s.has("pattern") ? Pattern.compile(s.get("pattern").asText()) : null;
    for (int attempt = 0; attempt < 60; attempt++) {
      String candidate = switch (format) {
        case "email" -> email();
        case "uri" -> uri();
        case "date-time" -> dateTime();
        default -> text(min, max, maxBytes, ascii);
      };
      if (pattern != null && attempt % 3 == 1) {
        candidate = candidate.replace("/", "").replace("\\", "") + ".txt";
      } else if (pattern != null && attempt % 3 == 2) {
        candidate = attempt < 30 ? uri() : s.path("examples").path(0).asText(
            s.path("default").asText(candidate));
      }
      int cps = candidate.codePointCount(0, candidate.length());
      if (cps >= min && cps <= max && bytes(candidate) <= maxBytes
          && !candidate.equals(".") && !candidate.equals("..")
          && (pattern == null || pattern.matcher(candidate).find())) {
        return candidate;
      }
    }
    throw new GaveUp("no string found for " + s);
  }

  /** Random text of hostile pieces: {@code min..max} code points, at most {@code maxBytes}. */
  String text(int min, int max, int maxBytes, boolean ascii) {
    int upper = Math.min(max, r.nextInt(10) == 0 ? 400 : 40);
    int target = r.nextInt(12) == 0 && max < 20_000 ? max : min + r.nextInt(Math.max(1, upper - min + 1));
    StringBuilder sb = new StringBuilder();
    int cps = 0;
    int used = 0;
    for (int tries = 0; cps < target && tries < target * 4 + 8; tries++) {
      String piece = PIECES.get(r.nextInt(PIECES.size()));
      int n = piece.codePointCount(0, piece.length());
      boolean fits = !ascii || piece.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
      if (fits && cps + n <= target && used + bytes(piece) <= maxBytes) {
        sb.append(piece);
        cps += n;
        used += bytes(piece);
      }
    }
    while (cps < min) {
      sb.append('a');
      cps++;
    }
    return sb.toString().equals(".") || sb.toString().equals("..") ? sb + "x" : sb.toString();
  }

  private String email() {
    StringBuilder local = new StringBuilder();
    for (int i = 1 + r.nextInt(6); i > 0; i--) {
      String piece = PIECES.get(r.nextInt(PIECES.size()));
      if (!piece.contains("@") && piece.codePoints().noneMatch(
          c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
        local.append(piece);
      }
    }
    String[] domains = {"example.com", "exämple.co", "sub.example.org", "xn--bcher-kva.ch"};
    return (local.length() == 0 ? "a" : local) + "@" + domains[r.nextInt(domains.length)];
  }

  private String uri() {
    String path = java.net.URLEncoder.encode(text(0, 12, Integer.MAX_VALUE, false),
        StandardCharsets.UTF_8).replace("+", "%20");
    return "https://example.com/" + path + (r.nextBoolean() ? "?q=" + path : "");
  }

  private String dateTime() {
    Instant t = Instant.ofEpochSecond(946_684_800L + (long) (r.nextDouble() * 3_000_000_000L));
    int offsetHours = r.nextInt(27) - 12;
    String base = SECONDS.format(t.atOffset(ZoneOffset.ofHours(offsetHours)));
    String fraction = r.nextBoolean() ? "" : "." + (100 + r.nextInt(900));
    return base + fraction + (offsetHours == 0 && r.nextBoolean() ? "Z"
        : String.format(java.util.Locale.ROOT, "%+03d:00", offsetHours));
  }

  static int bytes(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }
}
