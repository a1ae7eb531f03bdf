package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.CallOptions;
import ai.phinite.tools.runtime.Connection;
import ai.phinite.tools.runtime.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * Starts one runtime call for the MCP server without holding a transport thread: the runtime's
 * {@link Connection#invokeAsync}. Cancelling the returned future (the client's
 * {@code notifications/cancelled}, or the server's deadline guard) stops the call: no further
 * wait or attempt, and an exchange in progress is aborted.
 */
final class McpRuntimeCall {
  private McpRuntimeCall() {}

  /** Calls the subtool; the future ends with the response or the runtime's exception. */
  static CompletableFuture<Response> start(Connection connection, String subtool, JsonNode args,
      CallOptions options) {
    CompletableFuture<Response> call = connection.invokeAsync(subtool, args, options);
    CompletableFuture<Response> result = new CompletableFuture<>();
    call.whenComplete((r, e) -> {
      if (e == null) {
        result.complete(r);
      } else {
        result.completeExceptionally(e);
      }
    });
    result.whenComplete((r, e) -> {
      if (e != null && !call.isDone()) {
        call.cancel(true); // cancelled by the client or past the server's guard: stop it
      }
    });
    return result;
  }
}
