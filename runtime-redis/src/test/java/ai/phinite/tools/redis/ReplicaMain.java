package ai.phinite.tools.redis;

import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.RateLimit;
import ai.phinite.tools.runtime.RateLimiter;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolException;
import ai.phinite.tools.runtime.ToolProvider;
import ai.phinite.tools.runtime.ToolRuntime;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One replica of {@link ReplicasTest}, in its own JVM: a {@link ToolRuntime} on a
 * {@link RedisRateLimiter}, and for each run a connection of the example help-desk tool to the
 * test's stub with a rate limit on its API server (the same values, so the same identity, in every
 * replica). It reads commands on standard input and writes results on standard output, one line
 * each:
 *
 * <ul>
 *   <li>{@code run <prefix> <count> <threads>}: calls get_ticket with ticket ids
 *       {@code <prefix>-1..<count>} from that many threads; prints {@code result <id> ok} or
 *       {@code result <id> <error kind>} for each, then {@code finished <prefix>};
 *   <li>{@code sync}: waits until the limiter is on Redis (not on its fallback), prints
 *       {@code synced};
 *   <li>{@code quit}: closes everything and exits.
 * </ul>
 *
 * Arguments: the Redis URL and the stub's URL.
 */
public final class ReplicaMain {
  private ReplicaMain() {}

  /** Runs the replica. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ToolProvider<?> tool = ToolCatalog.load().require("helpdesk");
    try (RedisRateLimiter limiter = RedisRateLimiter.builder().url(args[0])
            .retryInterval(Duration.ofMillis(200)).build();
        ToolRuntime runtime = ToolRuntime.builder().rateLimiter(limiter).build()) {
      out.println("ready");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
        String[] cmd = line.split(" ");
        if (cmd[0].equals("sync")) {
          // back on Redis after an outage: untilFree tries Redis once the retry interval passed
          RateLimiter.Key probe = new RateLimiter.Key("replica-test", "sync", "none");
          while (limiter.usingFallback()) {
            limiter.untilFree(probe, new RateLimit(1, Duration.ofSeconds(1)));
            Thread.sleep(50);
          }
          out.println("synced");
          continue;
        }
        RateLimit limit = new RateLimit(Integer.parseInt(cmd[4]),
            Duration.ofMillis(Long.parseLong(cmd[5])));
        try (Connection helpdesk = tool.connection()
            .runtime(runtime)
            .credential("api_key", "hd-live-9f8e7d6c5b4a")
            .credential("files_key", "files-live-0a1b2c3d")
            .baseUrl("api", args[1])
            .rateLimit("api", limit)
            .maxRetryWait(Duration.ofSeconds(60))
            .build()) {
          run(helpdesk, cmd[1], Integer.parseInt(cmd[2]), Integer.parseInt(cmd[3]), out);
        }
        out.println("finished " + cmd[1]);
      }
    }
  }

  private static void run(Connection helpdesk, String prefix, int count, int threads,
      PrintStream out) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String id = prefix + "-" + i;
      calls.add(pool.submit(() -> {
        String result;
        try {
          helpdesk.invoke("get_ticket", JsonNodeFactory.instance.objectNode().put("ticket_id", id));
          result = "ok";
        } catch (ToolException e) {
          result = e.kind();
        }
        synchronized (out) {
          out.println("result " + id + " " + result);
        }
      }));
    }
    for (Future<?> f : calls) {
      f.get();
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }
}
