package ai.phinite.tools.benchmarks.call;

import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.LocalServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Checks, before anything is timed, that every variant does the same work: the valid calls send
 * the same request (method, path, headers other than transport ones, body) as the phinite runtime
 * and parse the same response; and records which bad arguments each variant refuses before
 * sending. Writes {@code equivalence.json}; exits 1 when a valid request differs in path or body.
 */
public final class Equivalence {
  private Equivalence() {}

  private record Case(String subtool, String label, String args) {}

  private static final Case[] CASES = {
    new Case("get_customer", "valid", Fixtures.GET_ARGS),
    new Case("get_customer", "id \"a/b c\" (encoded as one segment)", "{\"customer_id\":\"a/b c\"}"),
    new Case("get_customer", "id missing", "{}"),
    new Case("get_customer", "id empty", "{\"customer_id\":\"\"}"),
    new Case("get_customer", "id \"..\"", "{\"customer_id\":\"..\"}"),
    new Case("get_customer", "id a number", "{\"customer_id\":42}"),
    new Case("get_customer", "unknown argument", "{\"customer_id\":\"x\",\"verbose\":true}"),
    new Case("create_customer", "valid", Fixtures.CREATE_ARGS),
    new Case("create_customer", "additional_fields repeats name", "{\"name\":\"A\",\"additional_fields\":{\"name\":\"B\"}}"),
    new Case("create_customer", "additional_fields not an object", "{\"additional_fields\":\"x\"}"),
    new Case("create_customer", "name a number", "{\"name\":5}"),
  };

  public static void main(String[] argv) throws Exception {
    Path out = Path.of(argv.length > 0 ? argv[0] : "target/results");
    Files.createDirectories(out);
    ObjectNode report = Fixtures.MAPPER.createObjectNode();
    ArrayNode rows = report.putArray("cases");
    Map<String, LocalServer.Received> reference = new LinkedHashMap<>();
    boolean ok = true;
    try (LocalServer server = LocalServer.start()) {
      server.record(true);
      for (Caller.Variant variant : Caller.Variant.values()) {
        try (Caller caller = Caller.create(variant, server.baseUrl())) {
          for (Case c : CASES) {
            BiFunction<Caller, JsonNode, JsonNode> call = c.subtool.equals("get_customer")
                ? Caller::getCustomer : Caller::createCustomer;
            long before = server.requests();
            String outcome;
            JsonNode body = null;
            try {
              body = call.apply(caller, Fixtures.json(c.args));
              LocalServer.Received r = server.last();
              outcome = "sent " + r.method() + " " + r.rawPath();
            } catch (RuntimeException e) {
              outcome = server.requests() == before ? "refused, nothing sent"
                  : "sent " + server.last().rawPath() + ", then failed";
            }
            ObjectNode row = rows.addObject();
            row.put("variant", variant.name());
            row.put("subtool", c.subtool);
            row.put("case", c.label);
            row.put("outcome", outcome);
            if (c.label.equals("valid")) {
              LocalServer.Received r = server.last();
              ObjectNode sent = row.putObject("request");
              sent.put("method", r.method());
              sent.put("path", r.rawPath());
              ObjectNode headers = sent.putObject("headers");
              r.headers().forEach((k, v) -> {
                if (!LocalServer.TRANSPORT_HEADERS.contains(k)) {
                  headers.put(k, k.equals("authorization") ? "Bearer ***" : v);
                }
              });
              sent.set("body", r.body().isEmpty() ? null : Fixtures.json(r.body()));
              row.put("responseId", body == null ? null : body.path("data").path("id").asText());
              LocalServer.Received ref = reference.putIfAbsent(c.subtool, r);
              if (ref != null) {
                boolean same = ref.method().equals(r.method()) && ref.rawPath().equals(r.rawPath())
                    && (ref.body().isEmpty() ? r.body().isEmpty()
                        : Fixtures.json(ref.body()).equals(Fixtures.json(r.body())));
                row.put("sameRequestAsPhinite", same);
                ok &= same;
                if (!same) {
                  System.err.println(variant + " " + c.subtool + " sends " + r + ", phinite sends " + ref);
                }
              }
            }
          }
        }
      }
    }
    report.put("allValidRequestsEqual", ok);
    Files.writeString(out.resolve("equivalence.json"),
        Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.out.println(ok ? "Equivalence: every variant sends the same valid requests"
        : "Equivalence: requests differ (see above)");
    System.exit(ok ? 0 : 1);
  }
}
