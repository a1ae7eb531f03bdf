package ai.phinite.tools.benchmarks.hosted;

import ai.phinite.tools.benchmarks.Fixtures;
import ai.phinite.tools.benchmarks.LocalServer;
import ai.phinite.tools.benchmarks.Unthrottled;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many tenants in one JVM, as a hosted service holds them: {@code N} open Kustomer connections
 * (one per tenant: distinct tokens), one {@code get_customer} call on each against a local server,
 * all kept open. Prints the threads, file descriptors and heap the connections added, at three
 * points: after opening them, after the calls, and per connection. Run in a fresh JVM per
 * {@code N} ({@code java ... Tenants N}); it uses only API that also existed before the hosted
 * runtime, so the same source measures both.
 */
public final class Tenants {
  private Tenants() {}

  public static void main(String[] argv) throws Exception {
    int n = Integer.parseInt(argv[0]);
    ToolProvider<?> kustomer = ToolCatalog.load().require("kustomer");
    JsonNode args = Fixtures.json(Fixtures.GET_ARGS);
    try (LocalServer server = LocalServer.start()) {
      // warm up: classes loaded, one connection opened, called and closed
      try (Connection warm = open(kustomer, server, "warm-up")) {
        warm.invoke("get_customer", args);
      }
      Point base = Point.now();
      List<Connection> open = new ArrayList<>(n);
      String failure = null;
      Point opened = null;
      try {
        for (int i = 0; i < n; i++) {
          open.add(open(kustomer, server, "tenant-" + i));
        }
        opened = Point.now();
        for (Connection c : open) {
          c.invoke("get_customer", args);
        }
      } catch (Throwable e) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage() + " after "
            + open.size() + " connections";
      }
      Point called = Point.now();
      System.out.printf(Locale.ROOT, "tenants n=%d java=%s%n", n, System.getProperty("java.version"));
      if (opened != null) {
        System.out.println("  opened: " + opened.minus(base, n));
      }
      System.out.println("  called: " + called.minus(base, n));
      if (failure != null) {
        System.out.println("  FAILED: " + failure);
      }
      for (Connection c : open) {
        c.close();
      }
    }
  }

  private static Connection open(ToolProvider<?> kustomer, LocalServer server, String token) {
    Connection.Builder b = kustomer.connection().credential("api_token", token + "-" + Fixtures.TOKEN)
        .baseUrl("api", server.baseUrl());
    Unthrottled.lift(kustomer.descriptor(), b);
    return b.build();
  }

  /** Threads, file descriptors and used heap (after full collections) at one moment. */
  private record Point(int threads, long fds, long heap) {
    static Point now() throws InterruptedException {
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(100);
      }
      String[] fds = new File("/proc/self/fd").list();
      return new Point(ManagementFactory.getThreadMXBean().getThreadCount(),
          fds == null ? -1 : fds.length,
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    String minus(Point base, int n) {
      long added = heap - base.heap;
      return String.format(Locale.ROOT, "threads +%d, fds +%d, heap +%.1f MB (%.0f bytes per"
          + " connection)", threads - base.threads, fds - base.fds, added / 1e6, (double) added / n);
    }
  }
}
