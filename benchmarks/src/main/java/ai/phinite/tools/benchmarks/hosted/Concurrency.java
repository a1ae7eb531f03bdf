package ai.phinite.tools.benchmarks.hosted;

import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.Unthrottled;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.ToolRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.GET;
import retrofit2.http.Path;

/**
 * Many calls in flight: {@code inFlight} calls of {@code get_customer} at all times (each
 * completion starts the next) against a {@link DelayedServer} that answers after 100 ms, until
 * {@code total} calls are done; throughput in calls per second. Variants: {@code invokeAsync} on
 * one connection of a {@link ToolRuntime}; hand-written {@code sendAsync} on one shared
 * {@code HttpClient} (same request and headers, body parsed with Jackson); Retrofit's
 * {@code enqueue} (OkHttp, its dispatcher raised to {@code inFlight} requests per host). Rounds are
 * interleaved so that background load hits every variant alike; the median round is reported.
 *
 * <p>Arguments: {@code inFlight total rounds}.
 */
public final class Concurrency {
  private Concurrency() {}

  /** Calls that failed, per variant, over every round. */
  private static final Map<Variant, Long> FAILED = new java.util.concurrent.ConcurrentHashMap<>();

  /** Starts one call; the future completes with its response body. */
  interface Variant {
    CompletableFuture<?> call();
  }

  public static void main(String[] argv) throws Exception {
    int inFlight = argv.length > 0 ? Integer.parseInt(argv[0]) : 1000;
    int total = argv.length > 1 ? Integer.parseInt(argv[1]) : 10_000;
    int rounds = argv.length > 2 ? Integer.parseInt(argv[2]) : 3;
    try (DelayedServer server = new DelayedServer(100); ToolRuntime runtime = ToolRuntime.builder().build()) {
      Map<String, Variant> variants = new LinkedHashMap<>();
      variants.put("invokeAsync", phinite(server, runtime));
      variants.put("invoke on " + inFlight + " threads", blocking(server, inFlight));
      variants.put("sendAsync (hand-written)", handWritten(server));
      variants.put("Retrofit enqueue", retrofit(server, inFlight));
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      for (String name : variants.keySet()) {
        run(variants.get(name), inFlight, Math.min(total, 3_000)); // warm-up
        rates.put(name, new ArrayList<>());
      }
      List<String> order = new ArrayList<>(variants.keySet());
      for (int r = 0; r < rounds; r++) {
        Collections.shuffle(order, new java.util.Random(r));
        for (String name : order) {
          rates.get(name).add(run(variants.get(name), inFlight, total));
        }
      }
      System.out.printf(Locale.ROOT, "concurrency in-flight=%d calls=%d rounds=%d server-delay=100ms"
          + " java=%s%n", inFlight, total, rounds, System.getProperty("java.version"));
      double hand = median(rates.get("sendAsync (hand-written)"));
      for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
        double m = median(e.getValue());
        long failed = FAILED.getOrDefault(variants.get(e.getKey()), 0L);
        System.out.printf(Locale.ROOT, "  %-26s %8.0f calls/s  (%.2f x hand-written; rounds %s)%s%n",
            e.getKey(), m, m / hand, e.getValue().stream()
                .map(v -> String.format(Locale.ROOT, "%.0f", v)).toList(),
            failed == 0 ? "" : "  FAILED: " + failed + " calls");
      }
    }
  }

  /** Calls per second with {@code inFlight} calls always in flight, until {@code total} are done. */
  static double run(Variant variant, int inFlight, int total) throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<Throwable> first =
        new java.util.concurrent.atomic.AtomicReference<>();
    CountDownLatch done = new CountDownLatch(total);
    long t0 = System.nanoTime();
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      if (started.incrementAndGet() > total) {
        return;
      }
      variant.call().whenComplete((r, e) -> {
        if (e != null) {
          failed.incrementAndGet();
          first.compareAndSet(null, e);
        }
        done.countDown();
        next[0].run();
      });
    };
    for (int i = 0; i < inFlight; i++) {
      next[0].run();
    }
    if (!done.await(300, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls did not finish in 300 s");
    }
    if (failed.get() > 0) {
      // said in the results, not thrown: a failed call is a finding of the run, not its end
      System.err.println(failed.get() + " of " + total + " calls failed; the first: " + first.get());
      FAILED.merge(variant, failed.get(), Long::sum);
    }
    return total / ((System.nanoTime() - t0) / 1e9);
  }

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  static Variant phinite(DelayedServer server, ToolRuntime runtime) {
    ToolProvider<?> kustomer = ToolCatalog.load().require("kustomer");
    Connection.Builder b = kustomer.connection().credential("api_token", Fixtures.TOKEN)
        .baseUrl("api", server.baseUrl()).runtime(runtime);
    Unthrottled.lift(kustomer.descriptor(), b);
    Connection c = b.build();
    JsonNode args = Fixtures.json(Fixtures.GET_ARGS);
    return () -> c.invokeAsync("get_customer", args);
  }

  /** Blocking {@code invoke} on a pool of {@code threads} platform threads, one call each. */
  static Variant blocking(DelayedServer server, int threads) {
    ToolProvider<?> kustomer = ToolCatalog.load().require("kustomer");
    Connection.Builder b = kustomer.connection().credential("api_token", Fixtures.TOKEN)
        .baseUrl("api", server.baseUrl());
    Unthrottled.lift(kustomer.descriptor(), b);
    Connection c = b.build();
    JsonNode args = Fixtures.json(Fixtures.GET_ARGS);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        threads, r -> {
          Thread t = new Thread(r, "blocking-caller");
          t.setDaemon(true);
          return t;
        });
    return () -> CompletableFuture.supplyAsync(() -> c.invoke("get_customer", args), pool);
  }

  static Variant handWritten(DelayedServer server) {
    ObjectMapper mapper = new ObjectMapper();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    String authorization = "Bearer " + Fixtures.TOKEN;
    return () -> {
      HttpRequest request = HttpRequest.newBuilder(
              URI.create(server.baseUrl() + "/customers/" + Fixtures.CUSTOMER_ID))
          .timeout(Duration.ofSeconds(45))
          .header("Accept", "application/json")
          .header("User-Agent", Fixtures.USER_AGENT)
          .header("Authorization", authorization)
          .GET().build();
      return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
          .thenApply(r -> {
            try {
              return mapper.readTree(r.body());
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    };
  }

  /** The Retrofit interface of the endpoint. */
  interface KustomerApi {
    @GET("customers/{customer_id}")
    Call<JsonNode> getCustomer(@Path("customer_id") String customerId);
  }

  static Variant retrofit(DelayedServer server, int inFlight) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(inFlight);
    dispatcher.setMaxRequestsPerHost(inFlight);
    String authorization = "Bearer " + Fixtures.TOKEN;
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
        .connectionPool(new okhttp3.ConnectionPool(inFlight, 5, TimeUnit.MINUTES))
        .callTimeout(Duration.ofSeconds(45)).followRedirects(false)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("Accept", "application/json")
            .header("User-Agent", Fixtures.USER_AGENT)
            .header("Authorization", authorization).build()))
        .build();
    KustomerApi api = new Retrofit.Builder().baseUrl(server.baseUrl() + "/").client(http)
        .addConverterFactory(JacksonConverterFactory.create(new ObjectMapper())).build()
        .create(KustomerApi.class);
    return () -> {
      CompletableFuture<JsonNode> out = new CompletableFuture<>();
      api.getCustomer(Fixtures.CUSTOMER_ID).enqueue(new Callback<>() {
        @Override
        public void onResponse(Call<JsonNode> call, retrofit2.Response<JsonNode> response) {
          out.complete(response.body());
        }

        @Override
        public void onFailure(Call<JsonNode> call, Throwable t) {
          out.completeExceptionally(t);
        }
      });
      return out;
    };
  }
}
