package ai.phinite.tools.cli.reliability;

import static com.google.common.truth.Truth.assertWithMessage;

import ai.phinite.tools.cli.reliability.Mutations.Mutation;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.InvalidInputException;
import ai.phinite.tools.runtime.Problem;
import ai.phinite.tools.runtime.Response;
import ai.phinite.tools.runtime.ToolDescriptor;
import ai.phinite.tools.runtime.ToolException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fuzz test per subtool, driven by the subtool's own input schema: many random valid argument
 * objects must each send exactly the expected requests (the lookup too, for a multi-step subtool
 * without its direct id) with every path value encoded as one segment; many invalid ones (one
 * mutation each) must each be refused as {@link InvalidInputException} with the problem at the
 * right pointer, before anything is sent. Nothing may ever throw anything but a {@link
 * ToolException}. Seeds are fixed (override with {@code -Dreliability.seed=N}) and printed on
 * failure; a generated value is also checked against the schema by an independent validator.
 */
class FuzzTest extends ReliabilityBase {
  static final long SEED = Long.getLong("reliability.seed", 20_240_531L);
  static final int VALID = Integer.getInteger("reliability.valid", 40);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final Map<String, Connection> CONNECTIONS = new HashMap<>();

  @BeforeAll
  static void connectAll() {
    TOOLS.forEach(t -> CONNECTIONS.put(t, connect(t)));
  }

  @AfterAll
  static void closeAll() {
    CONNECTIONS.values().forEach(Connection::close);
  }

  static List<SubtoolCase> subtools() {
    List<ToolDescriptor> tools = new ArrayList<>();
    TOOLS.forEach(t -> tools.add(tool(t).descriptor()));
    return SubtoolCase.all(tools);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subtools")
  void fuzz(SubtoolCase c) {
    long seed = SEED * 31 + c.toString().hashCode();
    Random random = new Random(seed);
    ArgGenerator gen = new ArgGenerator(random);
    Schema oracle = REGISTRY.getSchema(c.spec().inputSchema().toString());
    Connection connection = CONNECTIONS.get(c.tool());
    List<String> failures = new ArrayList<>();
    List<ObjectNode> bases = new ArrayList<>();
    for (int i = 0; i < VALID; i++) {
      ObjectNode args = gen.record(c.schema(), 0);
      ObjectNode canonical = withoutNulls(c.schema(), args);
      var errors = oracle.validate(canonical);
      assertWithMessage("generator bug (seed %s, #%s): %s\n%s", seed, i, errors,
          cut(canonical.toString(), 2000)).that(errors).isEmpty();
      String failure = expectSent(c, connection, args);
      if (failure != null) {
        failures.add("valid #" + i + ": " + failure + "\n    args: " + cut(args.toString(), 1500));
      }
      bases.add(canonical);
    }
    List<Mutation> mutations = new Mutations(gen).of(c, bases.get(0));
    for (int b = 1; b < Math.min(4, bases.size()); b++) {
      List<Mutation> more = new Mutations(gen).of(c, bases.get(b));
      Collections.shuffle(more, random);
      mutations.addAll(more.subList(0, Math.min(8, more.size())));
    }
    for (Mutation m : mutations) {
      String failure = expectRefused(c, connection, m);
      if (failure != null) {
        failures.add("invalid (" + m.label() + " at " + m.pointer() + "): " + failure
            + "\n    args: " + cut(m.args().toString(), 1500));
      }
    }
    System.out.printf("%s: %d valid, %d invalid, seed %d, %d failures%n", c, VALID,
        mutations.size(), seed, failures.size());
    assertWithMessage("%s (seed %s, -Dreliability.seed=%s): %s failures:\n%s", c, seed, SEED,
        failures.size(), String.join("\n", failures.subList(0, Math.min(12, failures.size()))))
        .that(failures).isEmpty();
  }

  /** Null when the call sent what it should; otherwise what went wrong. */
  private static String expectSent(SubtoolCase c, Connection connection, ObjectNode args) {
    wm.resetRequests();
    Response response;
    try {
      response = connection.invoke(c.name(), args);
    } catch (Throwable t) {
      return "threw " + t;
    }
    List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
    Collections.reverse(events);
    boolean lookup = c.multiStep() && !has(args, c.directArg());
    int expected = lookup ? 2 : 1;
    if (events.size() != expected || response.status() != 200) {
      return "expected " + expected + " request(s), WireMock received " + events.size()
          + "; status " + response.status();
    }
    if (c.multiStep()) {
      String url = events.get(events.size() - 1).getRequest().getUrl();
      String id = lookup ? LOOKUP_ID : args.get(c.directArg()).asText();
      return url.contains("/" + encode(id) + "/") ? null
          : "the last step did not use id " + id + ": " + url;
    }
    LoggedRequest request = events.get(0).getRequest();
    String path = expectedPath(c, args);
    String url = request.getUrl();
    if (!request.getMethod().value().equals(c.spec().http().method())) {
      return "sent " + request.getMethod() + " instead of " + c.spec().http().method();
    }
    String sentPath = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    return sentPath.equals(path) ? null : "sent path " + sentPath + "\n    expected  " + path;
  }

  /** Null when the input was refused as it should be; otherwise what went wrong. */
  private static String expectRefused(SubtoolCase c, Connection connection, Mutation m) {
    wm.resetRequests();
    try {
      connection.invoke(c.name(), m.args());
      return "accepted; WireMock received " + received() + " request(s)";
    } catch (InvalidInputException e) {
      List<String> pointers = e.problems().stream().map(Problem::pointer).toList();
      if (!e.nothingSent() || received() != 0) {
        return "refused, but " + received() + " request(s) were sent";
      }
      if (pointers.stream().noneMatch(p -> p.startsWith(m.pointer()))) {
        return "refused at " + pointers + " instead of " + m.pointer() + ": " + e.getMessage();
      }
      return e.getMessage().length() < 20_000 ? null
          : "a message of " + e.getMessage().length() + " characters";
    } catch (Throwable t) {
      return "threw " + t + " instead of InvalidInputException";
    }
  }

  /** The path a single-step call must send: the template, each value encoded as one segment. */
  private static String expectedPath(SubtoolCase c, ObjectNode args) {
    String template = c.spec().http().path();
    int q = template.indexOf('?');
    Matcher m = PLACEHOLDER.matcher(q < 0 ? template : template.substring(0, q));
    StringBuilder out = new StringBuilder(prefix(c.tool(), c.spec().http().server()));
    while (m.find()) {
      JsonNode v = args.get(m.group(1));
      String raw = v == null ? tool(c.tool()).descriptor().credentials().stream()
          .filter(k -> k.key().equals(m.group(1))).findFirst().orElseThrow().defaultValue()
          : v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asText();
      m.appendReplacement(out, Matcher.quoteReplacement(encode(raw)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters. */
  static String encode(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char ch = (char) (b & 0xFF);
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
        sb.append(ch);
      } else {
        sb.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return sb.toString();
  }

  private static boolean has(JsonNode args, String name) {
    return args.hasNonNull(name);
  }

  /** The arguments without explicit nulls for declared optional properties (as the runtime reads them). */
  static ObjectNode withoutNulls(JsonNode schema, ObjectNode args) {
    ObjectNode copy = args.deepCopy();
    JsonNode props = schema.path("properties");
    List<String> nulls = new ArrayList<>();
    copy.properties().forEach(e -> {
      JsonNode ps = props.path(e.getKey());
      if (e.getValue().isNull()) {
        nulls.add(e.getKey());
      } else if (ps.has("properties") && e.getValue().isObject()) {
        copy.set(e.getKey(), withoutNulls(ps, (ObjectNode) e.getValue()));
      } else if (ps.path("items").has("properties") && e.getValue().isArray()) {
        for (int i = 0; i < e.getValue().size(); i++) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) e.getValue()).set(i,
              withoutNulls(ps.get("items"), (ObjectNode) e.getValue().get(i)));
        }
      }
    });
    copy.remove(nulls);
    return copy;
  }
}
