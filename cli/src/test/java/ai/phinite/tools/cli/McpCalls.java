package ai.phinite.tools.cli;

import ai.phinite.tools.runtime.Connection;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** Opens the package-private MCP tool call to the reliability tests (a {@code tools/call}). */
public final class McpCalls {
  private McpCalls() {}

  /** What an MCP host receives for one {@code tools/call} of a subtool on a connection. */
  public static CallToolResult call(Connection connection, String subtool,
      Map<String, Object> arguments) {
    return McpToolServer.call(connection, subtool, arguments);
  }
}
