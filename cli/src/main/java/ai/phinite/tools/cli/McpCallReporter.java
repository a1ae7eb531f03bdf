package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.CallListener;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells the MCP client how one {@code tools/call} is going: a progress notification for each
 * attempt and wait when the client gave a {@code progressToken}, and logging notifications for
 * retries ({@code warning}) and a failed call ({@code error}), which the SDK sends only at or above
 * the level the client asked for with {@code logging/setLevel}.
 *
 * <p>The runtime's listener events hold names, numbers and error kinds only, never argument values,
 * bodies or secrets; so do these messages.
 */
final class McpCallReporter implements CallListener {
  static final String LOGGER = "phinite-tools";

  private final McpAsyncServerExchange exchange;
  private final Object progressToken;
  private final String toolName;
  private final AtomicInteger progress = new AtomicInteger();

  /**
   * @param toolName the MCP tool's name, as the client knows it
   * @param progressToken the client's token, {@code null} when it wants no progress
   */
  McpCallReporter(McpAsyncServerExchange exchange, String toolName, Object progressToken) {
    this.exchange = exchange;
    this.toolName = toolName;
    this.progressToken = progressToken;
  }

  @Override
  public Observer callStarted(Call call) {
    return new Observer() {
      @Override
      public void attemptStarted(Attempt attempt) {
        progress("Attempt " + attempt.number() + ": " + attempt.method() + " "
            + attempt.operation() + " to " + attempt.host());
      }

      @Override
      public void attemptEnded(Attempt attempt, int status, String errorKind, Duration took) {
        if (errorKind != null) {
          log(LoggingLevel.WARNING, toolName + ": attempt " + attempt.number() + " failed ("
              + (status > 0 ? "HTTP " + status : errorKind) + ")");
        }
      }

      @Override
      public void waiting(Wait reason, Duration duration) {
        String why = switch (reason) {
          case RATE_LIMIT -> "for the rate limit";
          case RETRY_AFTER -> "as the server asked (Retry-After)";
          case BACKOFF -> "before retrying";
        };
        String text = "Waiting " + seconds(duration) + " " + why;
        progress(text);
        log(reason == Wait.RATE_LIMIT ? LoggingLevel.INFO : LoggingLevel.WARNING,
            toolName + ": " + text);
      }

      @Override
      public void callEnded(Outcome outcome) {
        if (!outcome.success()) {
          log(LoggingLevel.ERROR, toolName + " failed (" + outcome.errorKind()
              + (outcome.status() > 0 ? ", HTTP " + outcome.status() : "") + ") after "
              + outcome.attempts() + (outcome.attempts() == 1 ? " attempt" : " attempts"));
        }
      }
    };
  }

  private void progress(String message) {
    if (progressToken == null) {
      return;
    }
    exchange.progressNotification(new ProgressNotification(progressToken,
        (double) progress.incrementAndGet(), null, message)).subscribe(null, e -> { });
  }

  private void log(LoggingLevel level, String message) {
    exchange.loggingNotification(LoggingMessageNotification.builder()
        .level(level).logger(LOGGER).data(message).build()).subscribe(null, e -> { });
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
