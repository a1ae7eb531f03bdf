package ai.phinite.tools.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} (the Debian package) for a test class: started on a free loopback
 * port with a temporary directory and no persistence, stopped after the class. It can be stopped
 * and started again on the same port, to test a Redis restart.
 *
 * <p>When {@code redis-server} is not installed the test fails (it is never skipped): install it
 * with {@code apt-get install -y redis-server}; {@code .ci/run} does.
 */
final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
  private static final Duration START_BOUND = Duration.ofSeconds(20);

  private int port;
  private Path dir;
  private Process process;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    port = freePort();
    dir = Files.createTempDirectory("redis-test");
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  /** {@code redis://127.0.0.1:<port>}. */
  String url() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** A plain client, to look at keys and clean up; the caller closes it. */
  Jedis client() {
    return new Jedis("127.0.0.1", port);
  }

  /** Removes every key. */
  void flushAll() {
    try (Jedis j = client()) {
      j.flushAll();
    }
  }

  /** Starts the server (again) on its port and waits until it answers PING. */
  void start() throws IOException, InterruptedException {
    Path executable = executable();
    process = new ProcessBuilder(List.of(executable.toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile())
        .start();
    long deadline = System.nanoTime() + START_BOUND.toNanos();
    while (true) {
      try (Jedis j = client()) {
        if ("PONG".equals(j.ping())) {
          return;
        }
      } catch (RuntimeException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("redis-server exited at start: "
              + Files.readString(dir.resolve("redis.log")));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server did not answer within " + START_BOUND);
        }
        Thread.sleep(20);
      }
    }
  }

  /** Stops the server (SIGTERM, no save) and waits until it is gone. */
  void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
  }

  private static Path executable() {
    for (String d : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator
        + "/usr/bin:/usr/sbin:/usr/local/bin").split(File.pathSeparator)) {
      Path p = Path.of(d.isEmpty() ? "." : d, "redis-server");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException("redis-server is not installed, and the Redis tests need a real"
        + " one: install it with `apt-get install -y redis-server` (.ci/run does this)");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
