package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts one runtime call for the MCP server, off the transport's threads. Cancelling the returned
 * future interrupts the call's thread, which stops its waits and leaves no further attempt.
 */
final class McpRuntimeCall {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mcp-call-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private McpRuntimeCall() {}

  /** Calls the subtool; the future ends with the response or the runtime's exception. */
  static CompletableFuture<Response> start(Connection connection, String subtool, JsonNode args,
      CallOptions options) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    Future<?> running = CALLS.submit(() -> {
      try {
        result.complete(connection.invoke(subtool, args, options));
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
      }
    });
    result.whenComplete((r, e) -> {
      if (e != null) {
        running.cancel(true); // cancelled or past its deadline: stop the thread's work
      }
    });
    return result;
  }
}
