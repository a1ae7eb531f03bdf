package ai.phinite.tools.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code tools/call} requests running on one MCP server, by session and request id, so that a
 * client's {@code notifications/cancelled} reaches the runtime call it names and stops its
 * upstream work.
 */
final class McpCallRegistry {
  /** Key of the transport context entry that holds the JSON-RPC id of the request (JSON text). */
  static final String REQUEST_ID = "ai.phinite.tools/request-id";

  private final ConcurrentMap<String, CompletableFuture<?>> running = new ConcurrentHashMap<>();

  /** Notes a running call; a later {@link #cancel} with the same session and id stops it. */
  void register(String session, String requestId, CompletableFuture<?> call) {
    if (requestId == null) {
      return;
    }
    String key = key(session, requestId);
    running.put(key, call);
    call.whenComplete((r, e) -> running.remove(key, call));
  }

  /**
   * Cancels the call a client gave up on.
   *
   * @return whether a running call was cancelled
   */
  boolean cancel(String session, String requestId) {
    CompletableFuture<?> call = running.remove(key(session, requestId));
    return call != null && call.cancel(true);
  }

  /** How many calls are running. */
  int running() {
    return running.size();
  }

  private static String key(String session, String requestId) {
    return (session == null ? "" : session) + '\n' + requestId;
  }
}
