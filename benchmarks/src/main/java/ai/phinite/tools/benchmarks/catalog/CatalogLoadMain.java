package ai.phinite.tools.benchmarks.catalog;

import ai.phinite.tools.runtime.ToolCatalog;
import ai.phinite.tools.runtime.ToolProvider;
import java.lang.management.ManagementFactory;

/**
 * Runs in a fresh JVM: loads the catalog of every tool on the class path and reads each tool's
 * descriptor (what {@code phinite-tools list} and Graph Studio's tool picker need), then prints one
 * JSON line of timings. {@code empty} loads nothing (the JVM's own start-up, for reference).
 *
 * <p>Times are taken with {@code System.nanoTime()} from {@code main}'s entry; the JVM's start
 * (RuntimeMXBean, when the VM began to be created) is read only after the measurement, so loading
 * the management classes is not counted.
 */
public final class CatalogLoadMain {
  private CatalogLoadMain() {}

  public static void main(String[] args) {
    long wallAtMain = System.currentTimeMillis();
    long t0 = System.nanoTime();
    int tools = 0;
    int subtools = 0;
    long t1 = t0;
    if (args.length == 0 || !args[0].equals("empty")) {
      ToolCatalog catalog = ToolCatalog.load();
      t1 = System.nanoTime();
      for (ToolProvider<?> p : catalog.tools()) {
        tools++;
        subtools += p.descriptor().subtools().size();
      }
    }
    long t2 = System.nanoTime();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("{\"tools\":" + tools + ",\"subtools\":" + subtools
        + ",\"jvmStartToMainMs\":" + (wallAtMain - jvmStart)
        + ",\"serviceLoaderMs\":" + (t1 - t0) / 1e6
        + ",\"descriptorsMs\":" + (t2 - t1) / 1e6
        + ",\"mainToLoadedMs\":" + (t2 - t0) / 1e6
        + ",\"wallAtMainMs\":" + wallAtMain + "}");
  }
}
