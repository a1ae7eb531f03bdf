package ai.phinite.tools.benchmarks.call;

import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.LocalServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Part 1, call overhead: one subtool call from JSON arguments to a parsed response, through each
 * {@link Caller.Variant}, against a local fixed-response server started once per trial (fork), so
 * every variant talks to the same kind of server in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {
  @Param({"phinite", "handWritten", "handWrittenValidated", "retrofit", "feign", "phiniteTyped",
      "phiniteOkHttp"})
  public String variant;

  private LocalServer server;
  private Caller caller;
  private JsonNode getArgs;
  private JsonNode createArgs;
  private long requestsAtMark;

  @Setup(Level.Trial)
  public void setUp() {
    server = LocalServer.start();
    caller = Caller.create(Caller.Variant.valueOf(variant), server.baseUrl());
    getArgs = Fixtures.json(Fixtures.GET_ARGS);
    createArgs = Fixtures.json(Fixtures.CREATE_ARGS);
    JsonNode got = caller.getCustomer(getArgs);
    JsonNode created = caller.createCustomer(createArgs);
    if (!Fixtures.CUSTOMER_ID.equals(got.path("data").path("id").asText())
        || !created.path("data").isObject()) {
      throw new IllegalStateException(variant + " returned an unexpected body: " + got + " / " + created);
    }
    server.markAllocation();
    requestsAtMark = server.requests();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    long requests = server.requests() - requestsAtMark;
    long allocated = server.allocatedSinceMark();
    caller.close();
    server.close();
    if (requests > 0 && allocated >= 0) {
      Path out = Path.of(System.getProperty("bench.out", "target/results"), "server-alloc.tsv");
      Files.createDirectories(out.getParent());
      Files.writeString(out, variant + "\t" + requests + "\t" + allocated + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  @Benchmark
  public JsonNode getCustomer() {
    return caller.getCustomer(getArgs);
  }

  @Benchmark
  public JsonNode createCustomer() {
    return caller.createCustomer(createArgs);
  }
}
