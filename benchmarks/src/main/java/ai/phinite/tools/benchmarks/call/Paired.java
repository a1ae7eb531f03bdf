package ai.phinite.tools.benchmarks.call;

import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.LocalServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A paired, interleaved cross-check of the call-overhead ratios, robust to background load on a
 * small machine: all variants in one JVM against one server; after a warm-up, each round times a
 * batch of calls of every variant in a shuffled order, and the ratio to hand-written is taken
 * within the round. A burst of load then hits both sides of a ratio instead of one JMH fork.
 * Writes {@code paired.json}: per variant and subtool, the median of the per-round ratios and its
 * interquartile range, and the median time per call.
 */
public final class Paired {
  private Paired() {}

  public static void main(String[] argv) throws Exception {
    Path out = Path.of(argv.length > 0 ? argv[0] : "target/results");
    int rounds = argv.length > 1 ? Integer.parseInt(argv[1]) : 30;
    int batch = argv.length > 2 ? Integer.parseInt(argv[2]) : 200;
    int warmup = argv.length > 3 ? Integer.parseInt(argv[3]) : 15000;
    Files.createDirectories(out);
    Caller.Variant[] variants = Caller.Variant.values();
    ObjectNode report = Fixtures.MAPPER.createObjectNode();
    report.put("rounds", rounds);
    report.put("callsPerBatch", batch);
    report.put("warmupCallsPerVariant", warmup);
    ArrayNode results = report.putArray("results");
    try (LocalServer server = LocalServer.start()) {
      Map<Caller.Variant, Caller> callers = new EnumMap<>(Caller.Variant.class);
      for (Caller.Variant v : variants) {
        callers.put(v, Caller.create(v, server.baseUrl()));
      }
      JsonNode getArgs = Fixtures.json(Fixtures.GET_ARGS);
      JsonNode createArgs = Fixtures.json(Fixtures.CREATE_ARGS);
      for (String subtool : List.of("get_customer", "create_customer")) {
        boolean get = subtool.equals("get_customer");
        JsonNode args = get ? getArgs : createArgs;
        for (int i = 0; i < warmup; i += 500) {
          for (Caller.Variant v : variants) {
            run(callers.get(v), get, args, 500);
          }
        }
        Map<Caller.Variant, double[]> perCall = new EnumMap<>(Caller.Variant.class);
        for (Caller.Variant v : variants) {
          perCall.put(v, new double[rounds]);
        }
        List<Caller.Variant> order = new ArrayList<>(Arrays.asList(variants));
        Random random = new Random(42);
        for (int r = 0; r < rounds; r++) {
          Collections.shuffle(order, random);
          for (Caller.Variant v : order) {
            long t0 = System.nanoTime();
            run(callers.get(v), get, args, batch);
            perCall.get(v)[r] = (System.nanoTime() - t0) / 1000.0 / batch;
          }
        }
        double[] hand = perCall.get(Caller.Variant.handWritten);
        for (Caller.Variant v : variants) {
          double[] t = perCall.get(v);
          double[] ratio = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            ratio[r] = t[r] / hand[r];
          }
          ObjectNode row = results.addObject();
          row.put("subtool", subtool);
          row.put("variant", v.name());
          row.put("medianMicrosPerCall", quantile(t, 0.5));
          row.put("ratioToHandWrittenMedian", quantile(ratio, 0.5));
          row.put("ratioToHandWrittenQ1", quantile(ratio, 0.25));
          row.put("ratioToHandWrittenQ3", quantile(ratio, 0.75));
        }
      }
      callers.values().forEach(Caller::close);
    }
    Files.writeString(out.resolve("paired.json"),
        Fixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    System.out.println("Paired: " + results);
  }

  private static void run(Caller caller, boolean get, JsonNode args, int n) {
    for (int i = 0; i < n; i++) {
      JsonNode r = get ? caller.getCustomer(args) : caller.createCustomer(args);
      if (r == null) {
        throw new IllegalStateException("no body");
      }
    }
  }

  static double quantile(double[] values, double q) {
    double[] s = values.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }
}
