package ai.phinite.tools.cli;

import ai.phinite.tools.opentelemetry.OpenTelemetryCallListener;
import ai.phinite.tools.redis.RedisRateLimiter;
import ai.phinite.tools.runtime.ToolRuntime;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import picocli.CommandLine.Option;

/**
 * The options of the runtime that calls are sent through, shared by the commands that send:
 * {@code --redis URL} keeps rate limits in Redis, shared with every other process using the same
 * Redis; {@code --otel} reports each call as an OpenTelemetry span and metrics, with exporters set
 * by the standard {@code OTEL_*} environment variables (or {@code otel.*} system properties), e.g.
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}. See docs/operations.md.
 *
 * <p>{@link #runtime()} builds the runtime once; {@link #close()} closes it, the Redis connections
 * and the OpenTelemetry SDK (which sends what it still holds).
 */
public final class RuntimeOptions implements AutoCloseable {
  @Option(names = "--redis", paramLabel = "URL",
      description = "Keep rate limits in Redis, shared by every process that uses it:"
          + " redis://[[user]:password@]host[:port][/database] (rediss:// for TLS). Falls back to"
          + " limits in this process, with a warning, while Redis cannot be reached.")
  String redisUrl;

  @Option(names = "--otel",
      description = "Report each call to OpenTelemetry (a span and metrics), exporters set by the"
          + " OTEL_* environment variables (default: OTLP to localhost:4318).")
  boolean openTelemetry;

  private ToolRuntime runtime;
  private boolean owned;
  private RedisRateLimiter limiter;
  private OpenTelemetrySdk sdk;

  /**
   * The runtime for this command's calls: the process default unless {@code --redis} or
   * {@code --otel} is given.
   *
   * @throws CliException when the Redis URL is not one
   */
  ToolRuntime runtime() {
    if (runtime != null) {
      return runtime;
    }
    if (redisUrl == null && !openTelemetry) {
      runtime = ToolRuntime.shared();
      return runtime;
    }
    ToolRuntime.Builder b = ToolRuntime.builder();
    if (redisUrl != null) {
      try {
        limiter = RedisRateLimiter.builder().url(redisUrl).build();
      } catch (IllegalArgumentException e) {
        throw CliException.invalidInput("--redis", e.getMessage());
      }
      b.rateLimiter(limiter);
    }
    if (openTelemetry) {
      try {
        sdk = AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook().build()
            .getOpenTelemetrySdk();
      } catch (ConfigurationException e) {
        close();
        throw CliException.invalidInput("--otel", "OpenTelemetry's OTEL_* settings are not"
            + " usable: " + e.getMessage());
      }
      b.listener(OpenTelemetryCallListener.create(sdk));
    }
    runtime = b.build();
    owned = true;
    return runtime;
  }

  /** Closes what {@link #runtime()} opened; the process default runtime stays open. */
  @Override
  public void close() {
    if (owned) {
      runtime.close();
    }
    if (limiter != null) {
      limiter.close();
    }
    if (sdk != null) {
      sdk.close();
    }
  }
}
